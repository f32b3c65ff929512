import postgres from "postgres";
import { describe, expect, it } from "vitest";
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
