import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client";

/** A row as the seed builds it, before insertion. */
export type Row<T extends PgTable> = T["$inferInsert"];

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for our widest table. */
const BATCH = 500;

/** Inserts `rows` in a few multi-row statements. */
export async function insertAll<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: ReadonlyArray<PgInsertValue<T>>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.insert(table).values(rows.slice(i, i + BATCH));
  }
}
