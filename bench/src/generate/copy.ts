import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";

/** A value of one COPY column; null is SQL NULL. */
export type Cell = string | number | boolean | null;

/** COPY's text format: backslash, tab, newline and carriage return escaped; NULL as \N. */
export function cell(value: Cell): string {
  if (value === null) return "\\N";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value
        .replaceAll("\\", "\\\\")
        .replaceAll("\t", "\\t")
        .replaceAll("\n", "\\n")
        .replaceAll("\r", "\\r")
    : value;
}

/** A text[] literal (each element quoted), for `cell`. */
export function textArray(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}

/** Rows per chunk written to the COPY stream. */
const CHUNK_ROWS = 2000;

/**
 * Streams the rows of `rows` into `table` with one COPY, in chunks (with the stream's
 * backpressure, so memory stays bounded however many rows there are). Returns the count.
 */
export async function copyRows(
  sql: postgres.TransactionSql,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly Cell[]>,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let lines: string[] = [];
    for (const row of rows) {
      if (row.length !== columns.length) {
        throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
      }
      lines.push(row.map(cell).join("\t"));
      count++;
      if (lines.length === CHUNK_ROWS) {
        yield `${lines.join("\n")}\n`;
        lines = [];
      }
    }
    if (lines.length > 0) yield `${lines.join("\n")}\n`;
  }
  const writable = await sql
    .unsafe(`copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) from stdin`)
    .writable();
  await pipeline(Readable.from(chunks()), writable);
  return count;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
