import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { isTable } from "drizzle-orm";
import { migrationsFolder, runMigrations } from "./migrate";
import * as schema from "./schema";
import { startPgServer, type PgServer } from "./testing/pg-server";

let server: PgServer;
let sql: postgres.Sql;

beforeAll(async () => {
  server = await startPgServer({ database: "truce_migrate" });
  sql = postgres(server.url, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await sql?.end();
  await server?.stop();
});

const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
  entries: Array<{ tag: string }>;
};
const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable =>
  isTable(value),
);

describe("migrations", () => {
  it("apply cleanly to a fresh database and create every table of the schema", async () => {
    await runMigrations(server.url);
    const rows = await sql<{ tablename: string }[]>`
      select tablename from pg_tables where schemaname = 'public' order by tablename`;
    const expected = tables.map((t) => getTableConfig(t).name).sort();
    expect(rows.map((r) => r.tablename)).toEqual(expected);
    const applied = await sql`select 1 from drizzle.__drizzle_migrations`;
    expect(applied.length).toBe(journal.entries.length);
  });

  it("are a no-op the second time", async () => {
    await runMigrations(server.url);
    const applied = await sql`select 1 from drizzle.__drizzle_migrations`;
    expect(applied.length).toBe(journal.entries.length);
  });

  it("leave no foreign key without an index that starts with its columns", async () => {
    const unindexed = await sql<{ fk: string }[]>`
      select c.conrelid::regclass || '.' || c.conname as fk
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i
          where i.indrelid = c.conrelid
            and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
            and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
      order by 1`;
    expect(unindexed.map((r) => r.fk)).toEqual([]);
  });
});
