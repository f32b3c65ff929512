import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { runMigrations } from "../migrate";
import { startPgServer } from "./pg-server";

describe("throwaway PostgreSQL server", () => {
  it("starts a fresh PostgreSQL 15 database and removes it on stop", async () => {
    const server = await startPgServer({ database: "truce_probe" });
    const sql = postgres(server.url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ version: string; db: string }[]>`
        select current_setting('server_version') as version, current_database() as db`;
      expect(row?.version).toMatch(/^15\./);
      expect(row?.db).toBe("truce_probe");
      const tables = await sql`select 1 from pg_tables where schemaname = 'public'`;
      expect(tables.length).toBe(0);
    } finally {
      await sql.end();
      await server.stop();
    }
    const after = postgres(server.url, { max: 1, connect_timeout: 2, onnotice: () => {} });
    await expect(after`select 1`).rejects.toThrow();
    await after.end();
  }, 60_000);
});

describe("the apps' login on a throwaway server", () => {
  it("is a member of truce_app, no superuser, once the migrations made truce_app", async () => {
    const server = await startPgServer({ database: "truce_roles" });
    try {
      await expect(server.createAppLogin(server.url)).rejects.toThrow(/migrations applied/);
      await runMigrations(server.url);
      const appUrl = await server.createAppLogin(server.url);
      expect(new URL(appUrl).username).toBe("truce_web");
      const sql = postgres(appUrl, { max: 1, onnotice: () => {} });
      try {
        const [role] = await sql<{ user: string; superuser: boolean; app: boolean }[]>`
          select current_user as user, rolsuper as superuser,
            pg_has_role(current_user, 'truce_app', 'member') as app
          from pg_roles where rolname = current_user`;
        expect(role).toEqual({ user: "truce_web", superuser: false, app: true });
      } finally {
        await sql.end();
      }
    } finally {
      await server.stop();
    }
  }, 60_000);
});
