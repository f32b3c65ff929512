import type { Db } from "@truce/db";
import { programmeDay } from "@truce/db/programme-calendar";
import { recordAccess } from "../../access-log/record-access";
import { inTransaction, type ServiceContext } from "../../context";
import { evaluatorsExtractFileName, type EvaluatorsExtractInput } from "../schemas";
import { pulledStream, zipWriter } from "./archive";
import { agencyKinds, EXTRACT_TABLES } from "./files";
import { newPseudonyms } from "./pseudonyms";
import { extractReadme } from "./readme";

export interface EvaluatorsExtract {
  fileName: string;
  /** Each file's rows, as counted when the extract was logged. */
  rows: Record<string, number>;
  /** The zip archive, made as it is read. */
  stream: ReadableStream<Uint8Array>;
}

/**
 * Starts an evaluators' extract (docs/reports.md): logs it, then hands back the archive as a
 * stream that reads the database as its reader takes the bytes.
 *
 * - The access-log row (action `export`, `report` / `evaluatorsExtract`, the filters and each
 *   file's rows in `detail`) is committed before a byte is sent, in a transaction of its own:
 *   an extract that fails or is cancelled half-way is still in the log, since part of it may
 *   have left. It cannot share the snapshot's transaction: that one is read only, and would
 *   hold the lock on the end of the log's chain for as long as the download lasts.
 * - The files are read in one repeatable-read, read-only transaction, so every file is of the
 *   same moment (a participant's person is in people.csv). Its counts, written into the
 *   README, are the rows the files hold; those of the log row were counted the moment before,
 *   and differ only by a change committed in between.
 * - Each table is read in keyset pages (EXTRACT_BATCH rows after the last id), written as CSV
 *   into the archive and passed on only as fast as the reader takes it (archive.ts).
 */
export async function startEvaluatorsExtract(
  ctx: ServiceContext & { db: Db },
  filters: EvaluatorsExtractInput,
  onError: (error: unknown) => void,
): Promise<EvaluatorsExtract> {
  const madeAt = new Date();
  const rows = await inTransaction(ctx, async (tx) => {
    const counted: Record<string, number> = {};
    for (const table of EXTRACT_TABLES) counted[table.name] = await table.count(tx.db, filters);
    await recordAccess(tx, {
      action: "export",
      entityType: "report",
      entityId: "evaluatorsExtract",
      detail: { audience: "evaluators", filters, rows: counted },
    });
    return counted;
  });

  const stream = pulledStream(
    (write) =>
      ctx.db.transaction(
        async (tx) => {
          const zip = zipWriter(write);
          const context = { pseudonym: newPseudonyms(), agencyKind: await agencyKinds(tx) };
          const written = new Map<string, number>();
          for (const table of EXTRACT_TABLES) {
            const csv = zip.csv(table.name, table.header);
            let after: string | null = null;
            let count = 0;
            do {
              const page = await table.page(tx, filters, after, context);
              if (page.rows.length > 0) await csv.rows(page.rows);
              count += page.rows.length;
              after = page.last;
            } while (after !== null);
            await csv.end();
            written.set(table.name, count);
          }
          const readme = zip.file("README.md");
          await readme.text(extractReadme(filters, madeAt, EXTRACT_TABLES, written));
          await readme.end();
          await zip.end();
        },
        { isolationLevel: "repeatable read", accessMode: "read only" },
      ),
    onError,
  );

  const fileName = evaluatorsExtractFileName(filters, programmeDay(madeAt));
  return { fileName, rows, stream };
}
