import { sql, type SQL } from "drizzle-orm";
import { QueryBuilder, type PgColumn } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { dbEnv } from "./env";
import type { RecordedStatement } from "./statements";

export interface CreateDbOptions {
  /** Connections in the pool (the embedded default serialises them anyway). */
  max?: number;
  /**
   * Sees every statement as it is sent, with its parameters: the benchmark records what a
   * request runs, to replay it in its floors and EXPLAIN it.
   */
  onStatement?: (statement: RecordedStatement) => void;
}

/** What `plannedForItsValues` puts first in a statement's text. */
const PLANNED_FOR_ITS_VALUES = "/* planned for its values */ ";

/**
 * A statement that is planned for its own values every time, never prepared: one whose best
 * plan depends on how many rows its values match, such as a list's count (a filter on a
 * skewed column: a generic plan, made without the values, scans the whole table where the
 * values' own plan reads an index). The rest run prepared (`preparing`).
 */
export function plannedForItsValues(statement: SQL): SQL {
  return sql`${sql.raw(PLANNED_FOR_ITS_VALUES)}${statement}`;
}

/**
 * `column = 'value'` for a value of the column's enum, written into the statement's text
 * where `eq` sends it as a parameter. A generic plan (a prepared statement's, made without
 * the values) then knows the value, so a partial index on it serves: the people out of an
 * actor's scope are `registration_status = 'pending'`, which individual_pending_agency_idx
 * holds, and as a parameter the network picture's generic plan read the whole register for them
 * (41 ms at national scale). For a constant of the code only, never a request's value;
 * typed and checked against the enum, so a renamed value fails as `eq` would.
 */
export function equalsConstant<TValue extends string>(
  column: PgColumn & { enumValues: readonly TValue[] | undefined },
  value: NoInfer<TValue>,
): SQL {
  if (!column.enumValues?.includes(value)) {
    throw new Error(`equalsConstant: ${JSON.stringify(value)} is not a value of ${column.name}`);
  }
  return sql`${column} = ${sql.raw(`'${value}'`)}`;
}

/**
 * postgres.js as Drizzle should drive it: every statement with parameters as a named prepared
 * statement, parsed once per connection and, once PostgreSQL has seen it often enough, run on
 * its cached plan. Drizzle sends its queries through `unsafe(text, params, { prepare })` with
 * `prepare: false` unless the query was built with `.prepare(name)`, so each one was parsed
 * and planned again on every request: 4 ms of planning for the person's timeline at
 * national scale, every time, for well under 1 ms of execution. A transaction's and a
 * savepoint's own client (`begin`, `savepoint`) is wrapped the same way. A statement without
 * parameters (`begin`, `commit`) keeps the simple protocol, as postgres.js sends it; one
 * marked by `plannedForItsValues` is sent unprepared, as before.
 */
function preparing<T extends postgres.Sql | postgres.TransactionSql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (text: string, params?: postgres.ParameterOrJSON<never>[], options = {}) =>
          target.unsafe(text, params, {
            ...options,
            prepare: !text.startsWith(PLANNED_FOR_ITS_VALUES),
          });
      }
      if (property === "begin" || property === "savepoint") {
        const open = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const work = args.pop() as (inner: postgres.TransactionSql) => unknown;
          return open(...args, (inner: postgres.TransactionSql) => work(preparing(inner)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** A Drizzle client on postgres.js, the same code for the embedded default and a real server. */
export function createDb(url: string, options: CreateDbOptions = {}) {
  const { onStatement } = options;
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...(onStatement
      ? {
          debug: (connection: number, text: string, params: unknown[]) =>
            onStatement({ connection, text, params }),
        }
      : {}),
    // PGlite's wire server does not implement every startup parameter.
    connection: { application_name: "truce" },
  });
  // No schema, so no relational query API (`db.query.*`): a nested `with: { notes: true }`
  // would read a table without its scope (packages/api policy/scopes.ts). Every read is a
  // `select` whose `where` names the scope.
  const db = drizzle({ client: preparing(client), casing: "snake_case" });
  return Object.assign(db, {
    /** Closes the pool; call it when a script or test is done. */
    close: () => client.end({ timeout: 5 }),
  });
}

/**
 * Builds a `select` with no connection, to nest in a query as a subquery (`exists(...)` in a
 * scope that is built from the actor alone), with the columns named as the client names them.
 */
export const subquery = new QueryBuilder({ casing: "snake_case" });

export type Db = ReturnType<typeof createDb>;
/** The transaction handle passed to `db.transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

const globalForDb = globalThis as unknown as { truceDb?: Db };

/**
 * The process-wide client for DATABASE_URL, kept on globalThis so Next.js hot reloads do not
 * open a new pool each time.
 */
export function getDb(): Db {
  if (!globalForDb.truceDb) {
    const url = dbEnv.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set: start the apps with `npm run dev` (embedded database) or point DATABASE_URL at a PostgreSQL server",
      );
    }
    globalForDb.truceDb = createDb(url);
  }
  return globalForDb.truceDb;
}
