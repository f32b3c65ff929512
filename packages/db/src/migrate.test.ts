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

// First in the file: truce_app belongs to the whole server, and the first migration creates it.
describe("migrations run by an owner that is no superuser, as on a real server", () => {
  let ownerUrl: string;

  beforeAll(async () => {
    await sql`create role truce_owner login nosuperuser nocreaterole`;
    await sql`create database truce_owned owner truce_owner`;
    const url = new URL(server.url);
    url.username = "truce_owner";
    url.pathname = "/truce_owned";
    ownerUrl = url.toString();
  });

  it("say how to create the app role when the owner may not create roles", async () => {
    const error = await runMigrations(ownerUrl).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/truce_app does not exist, and truce_owner.*may not create roles/);
    expect(message).toMatch(/CREATE ROLE truce_app NOLOGIN/);
    expect(message).toMatch(/docs\/database-roles\.md/);
  });

  it("apply once the app role exists, leaving the owner the owner of every table", async () => {
    await sql`create role truce_app nologin`;
    await runMigrations(ownerUrl);
    const owned = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      const owners = await owned<{ owner: string }[]>`
        select distinct tableowner as owner from pg_tables where schemaname = 'public'`;
      expect(owners).toEqual([{ owner: "truce_owner" }]);
      const [head] = await owned<{ n: number }[]>`
        select count(*)::int as n from access_log_chain_head`;
      expect(head?.n).toBe(1);
    } finally {
      await owned.end();
    }
  });
});

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

  it("refused to the apps' role, name the setting for the owner", async () => {
    const appUrl = await server.createAppLogin(await server.createDatabase("truce_by_app"));
    await expect(runMigrations(appUrl)).rejects.toThrow(
      /refused \(permission denied.*\): they must run as the owner of the tables\. Set DATABASE_MIGRATION_URL/,
    );
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
