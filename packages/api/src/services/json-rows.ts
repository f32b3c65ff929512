import { Column, is, sql, type GetColumnData, type SQL } from "@truce/db";

/** A field `jsonRows` reads: a column, or an expression typed by `sql<T>` (or aliased). */
type JsonField = Column | SQL | SQL.Aliased;
type JsonValue<F> = F extends Column
  ? GetColumnData<F>
  : F extends SQL<infer T> | SQL.Aliased<infer T>
    ? T
    : never;
/** One row as `jsonRows` gives it back: the fields' keys with their values. */
export type JsonRow<F extends Record<string, JsonField>> = { [K in keyof F]: JsonValue<F[K]> };

/**
 * The column types whose value in JSON is the value Drizzle maps them to (a string, a whole
 * number, a boolean). Not a timestamp (a Date in Drizzle, a string in JSON), a numeric or a
 * bigint (a string in Drizzle, a number in JSON) or a json column.
 */
const SAME_IN_JSON = new Set([
  "PgUUID",
  "PgText",
  "PgVarchar",
  "PgEnumColumn",
  "PgInteger",
  "PgSmallInt",
  "PgBoolean",
  "PgDateString",
]);

/**
 * A read's rows as one value: PostgreSQL aggregates them into a JSON array (one
 * `json_build_array` per row, in `orderBy`'s order, `[]` for none), and they come back as
 * objects with the keys of `fields`. Select it alone from the statement's `from` (a table,
 * or a subquery with its own ORDER BY and LIMIT); it is one row whatever the count.
 *
 * For a read of hundreds of rows (the network picture's groups and conflict pairs): each
 * row's columns cost the driver and Drizzle's mapping about 3 µs in JavaScript, on the
 * server's one thread, where one JSON value is parsed natively. The network picture's
 * statements took 1.7 ms of the server's CPU for 400 rows, 1.1 ms as JSON. A page of 25
 * rows gains nothing: keep the plain select there.
 *
 * Only fields whose JSON form is their value: the column types of SAME_IN_JSON, or an
 * expression whose `sql<T>` says what JSON gives (a count cast to int, text). Any other
 * column is refused when the statement is built.
 */
export function jsonRows<F extends Record<string, JsonField>>(
  fields: F,
  orderBy: readonly SQL[] = [],
): SQL<JsonRow<F>[]> {
  const keys = Object.keys(fields);
  for (const key of keys) {
    const field = fields[key];
    if (is(field, Column) && !SAME_IN_JSON.has(field.columnType)) {
      throw new Error(`jsonRows: ${key} is a ${field.columnType}, whose JSON is not its value`);
    }
  }
  const values = sql.join(
    keys.map((key) => sql`${fields[key]}`),
    sql`, `,
  );
  const order = orderBy.length > 0 ? sql` order by ${sql.join([...orderBy], sql`, `)}` : sql``;
  return sql<JsonRow<F>[]>`coalesce(json_agg(json_build_array(${values})${order}), '[]')`.mapWith(
    (value: unknown) => {
      // postgres.js and PGlite parse a json value; a driver that does not gives the text.
      const rows = (typeof value === "string" ? JSON.parse(value) : value) as unknown[][];
      return rows.map((row) => {
        const object: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) object[keys[i]!] = row[i];
        return object as JsonRow<F>;
      });
    },
  );
}
