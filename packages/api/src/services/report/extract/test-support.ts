// Test support for the evaluators' extract: ask the handler for one as a browser would, and
// read the archive back as tables.
import { unzipSync } from "fflate";
import Papa from "papaparse";
import type { SessionClaims } from "@truce/auth/actor";
import type { Db } from "@truce/db";
import { createExtractHandler } from "../../../extract-http";

export const SITE = "http://truce.example";

/** A POST to the extract's route as the page sends it, with the given headers changed. */
export function extractRequest(
  body: string = "{}",
  headers: Record<string, string | null> = {},
  method = "POST",
  query = "",
): Request {
  const base: Record<string, string | null> = {
    host: "truce.example",
    origin: SITE,
    "content-type": "application/json",
    ...headers,
  };
  return new Request(`${SITE}/api/reports/extract${query}`, {
    method,
    headers: Object.entries(base).filter((e): e is [string, string] => e[1] !== null),
    body: method === "GET" || method === "HEAD" ? undefined : body,
  });
}

/** The extract's handler acting as `claims` (null: no session). */
export const extractHandler = (db: Db, claims: SessionClaims | null) =>
  createExtractHandler(async () => claims, { db });

export interface ExtractFiles {
  /** Each CSV file's header and rows; the README as text. */
  tables: Map<string, { header: string[]; rows: string[][] }>;
  readme: string;
  names: string[];
}

/** An archive's files, in its order, each CSV parsed (its byte order mark checked and dropped). */
export function readArchive(bytes: Uint8Array): ExtractFiles {
  const files = unzipSync(bytes);
  const tables: ExtractFiles["tables"] = new Map();
  let readme = "";
  for (const [name, data] of Object.entries(files)) {
    // ignoreBOM: keep the byte order mark, to check that it is there.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(data);
    if (name === "README.md") {
      readme = text;
      continue;
    }
    if (!text.startsWith("\uFEFF")) throw new Error(`${name} has no byte order mark`);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors[0]!.message}`);
    const [header, ...rows] = parsed.data;
    tables.set(name, { header: header ?? [], rows });
  }
  return { tables, readme, names: Object.keys(files) };
}

/** An extract as `claims` with `filters`, read whole (the tests' extracts are small). */
export async function downloadExtract(
  db: Db,
  claims: SessionClaims,
  filters: Record<string, unknown> = {},
): Promise<ExtractFiles & { response: Response }> {
  const response = await extractHandler(db, claims)(extractRequest(JSON.stringify(filters)));
  if (response.status !== 200) {
    throw new Error(`the extract answered ${response.status}: ${await response.text()}`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { ...readArchive(bytes), response };
}

/** A table's column as a list of values. */
export function column(files: ExtractFiles, name: string, header: string): string[] {
  const table = files.tables.get(name);
  if (!table) throw new Error(`no ${name} in the extract`);
  const index = table.header.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${name}`);
  return table.rows.map((row) => row[index]!);
}
