import { sql, type PgColumn, type SQL } from "@truce/db";

/**
 * `column = any($1::uuid[])`: a list of ids as one parameter, where Drizzle's `inArray`
 * writes one placeholder per id. With a list of hundreds (the network picture's groups) the
 * placeholders cost the server more than the statement: building and sending them, and a
 * statement text (so a prepared statement) for every length of list. Ids only, checked by the
 * schema or read from the database: the cast refuses anything else.
 */
export function idIn(column: PgColumn, ids: readonly string[]): SQL {
  return sql`${column} = any(${sql.param(ids)}::uuid[])`;
}

/** `column <> all($1::uuid[])`: none of the ids, as one parameter (see `idIn`). */
export function idNotIn(column: PgColumn, ids: readonly string[]): SQL {
  return sql`${column} <> all(${sql.param(ids)}::uuid[])`;
}
