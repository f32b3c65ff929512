import { sql, type Placeholder, type PgColumn, type SQL, type SQLWrapper } from "@truce/db";

/** A list of values as one parameter: the list itself, or a placeholder (`builtOnce`). */
type ListValue = readonly string[] | Placeholder;

function listParam(values: ListValue): SQLWrapper {
  return Array.isArray(values) ? sql.param(values) : (values as Placeholder);
}

/**
 * `column = any($1::uuid[])`: a list of ids as one parameter, where Drizzle's `inArray`
 * writes one placeholder per id. With a list of hundreds (the network picture's groups) the
 * placeholders cost the server more than the statement: building and sending them, and a
 * statement text (so a prepared statement) for every length of list. Ids only, checked by the
 * schema or read from the database: the cast refuses anything else.
 */
export function idIn(column: PgColumn, ids: ListValue): SQL {
  return sql`${column} = any(${listParam(ids)}::uuid[])`;
}

/** `column <> all($1::uuid[])`: none of the ids, as one parameter (see `idIn`). */
export function idNotIn(column: PgColumn, ids: ListValue): SQL {
  return sql`${column} <> all(${listParam(ids)}::uuid[])`;
}

/**
 * `column = any($1::<its enum>[])`: any of a list of an enum column's values as one
 * parameter, which a statement built once (`builtOnce`) takes as a placeholder; `inArray`
 * writes the list into the statement, one placeholder per value.
 */
export function enumIn(
  column: PgColumn & { _: { columnType: "PgEnumColumn" } },
  values: ListValue,
): SQL {
  // Drizzle's enum column keeps its type (the typings leave it out).
  const enumName = (column as { enum?: { enumName?: string } }).enum?.enumName;
  if (!enumName) throw new Error(`enumIn: ${column.name} is not an enum column`);
  return sql`${column} = any(${listParam(values)}::${sql.identifier(enumName)}[])`;
}
