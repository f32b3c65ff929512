import { createHash } from "node:crypto";

/**
 * The access log's hash chain as `npm run audit:verify` recomputes it, in this code and not
 * by calling the database's `access_log_chain_hash` (migration 0005), which the owner could
 * replace. Both must produce the same text; verify.test.ts proves they do.
 */

/** The `prev_hash` of the first row, and the head of an empty log. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * Every column of access_log but `hash`, in the order of the canonical text. A new column
 * of the table must be added here and to the database's function in a migration.
 */
export const CHAINED_COLUMNS = [
  "chain_seq",
  "prev_hash",
  "id",
  "at",
  "user_id",
  "membership_id",
  "agency_id",
  "action",
  "entity_type",
  "entity_id",
  "purpose",
  "fields",
  "ip",
  "detail",
] as const;

export type ChainedColumn = (typeof CHAINED_COLUMNS)[number];

/**
 * One row as the verify query reads it, each value as PostgreSQL prints it: `at` in UTC to
 * the microsecond, `fields` as its JSON array (postgres.js would read a NULL element and the
 * text "NULL" alike), `detail` as jsonb's normalised text.
 */
export type ChainedRow = Record<ChainedColumn | "hash", string | null>;

/**
 * The text that is hashed: what `json_build_array(<each value's text>)::text` prints, a JSON
 * array of strings and nulls separated by ", " (JSON.stringify escapes strings as
 * PostgreSQL's JSON output does).
 */
export function canonicalText(row: ChainedRow): string {
  const values = CHAINED_COLUMNS.map((column) => row[column]);
  return `[${values.map((value) => (value === null ? "null" : JSON.stringify(value))).join(", ")}]`;
}

/** SHA-256 of the canonical text, as lowercase hex. */
export function rowHash(row: ChainedRow): string {
  return createHash("sha256").update(canonicalText(row), "utf8").digest("hex");
}
