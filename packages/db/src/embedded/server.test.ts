import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../client";
import { verifyAccessLog } from "../audit/verify";
import { migrationsFolder, runMigrations } from "../migrate";
import { sql } from "../index";
import { startEmbeddedServer } from "./server";
import { pool, startTempEmbeddedServer, within, type TempEmbeddedServer } from "./test-helpers";

describe("the embedded server", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "truce-embedded-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("keeps its data across a stop and a restart on the same folder", async () => {
    const dataDir = join(root, "persist");
    const first = await startEmbeddedServer({ dataDir, port: 0, handleSignals: false });
    const before = pool(first.url, "first");
    await before`create table note (id int primary key, body text not null)`;
    await before`insert into note values (1, 'written before the restart')`;
    await before.end();
    await first.stop();

    const closed = pool(first.url, "after-stop", 1);
    await expect(within(10_000, "query after stop", closed`select 1`)).rejects.toThrow();
    await closed.end({ timeout: 0 });

    const second = await startEmbeddedServer({ dataDir, port: 0, handleSignals: false });
    const after = pool(second.url, "second");
    try {
      const rows = await within(
        10_000,
        "read after restart",
        after<{ body: string }[]>`select body from note`,
      );
      expect(rows.map((r) => r.body)).toEqual(["written before the restart"]);
    } finally {
      await after.end();
      await second.stop();
    }
  });

  it("refuses a second server on a folder that is in use, naming the process", async () => {
    const dataDir = join(root, "locked");
    const first = await startEmbeddedServer({ dataDir, port: 0, handleSignals: false });
    try {
      await expect(startEmbeddedServer({ dataDir, port: 0, handleSignals: false })).rejects.toThrow(
        new RegExp(`already open in process ${process.pid}`),
      );
    } finally {
      await first.stop();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it("says which setting to change when its port is taken", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const dataDir = join(root, "port-taken");
    try {
      await expect(startEmbeddedServer({ dataDir, port, handleSignals: false })).rejects.toThrow(
        new RegExp(`Port ${port} .*already in use.*TRUCE_DB_PORT`),
      );
    } finally {
      blocker.close();
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false); // it gave the folder back
  });
});

describe("Drizzle through the embedded server", () => {
  let server: TempEmbeddedServer;
  beforeAll(async () => {
    server = await startTempEmbeddedServer();
  });
  afterAll(() => server?.dispose());

  const journal = join(migrationsFolder, "meta", "_journal.json");

  it("applies the committed migrations, once", async () => {
    expect(existsSync(journal), `${journal} is missing`).toBe(true);
    const entries = (JSON.parse(readFileSync(journal, "utf8")) as { entries: unknown[] }).entries;
    await within(60_000, "migrations", runMigrations(server.url));
    await within(60_000, "migrations again", runMigrations(server.url));
    const db = createDb(server.url);
    try {
      const applied = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]?.n).toBe(entries.length);
    } finally {
      await db.close();
    }
    expect(statSync(server.dataDir).isDirectory()).toBe(true);
  });

  it("has the apps' role, and seals and chains the access log as PostgreSQL does", async () => {
    const sql = pool(server.url, "roles", 1);
    try {
      const [grants] = await within(
        10_000,
        "privileges",
        sql<{ insert: boolean; update: boolean; head: boolean }[]>`
          select has_table_privilege('truce_app', 'access_log', 'INSERT') as insert,
            has_table_privilege('truce_app', 'access_log', 'UPDATE') as update,
            has_table_privilege('truce_app', 'access_log_chain_head', 'SELECT') as head`,
      );
      expect(grants).toEqual({ insert: true, update: false, head: false });
      const [row] = await sql<{ at: Date }[]>`
        insert into access_log (action, at) values ('read', '2001-01-01') returning at`;
      expect(row!.at.getFullYear()).toBeGreaterThan(2001);
    } finally {
      await sql.end();
    }
    expect(await within(30_000, "verify", verifyAccessLog(server.url))).toMatchObject({
      intact: true,
      rows: 1,
    });
  });

  it("runs createDb() queries and transactions", async () => {
    const probe = pgTable("embedded_probe", {
      id: integer().primaryKey(),
      label: text().notNull(),
    });
    const db = createDb(server.url);
    try {
      await db.execute(sql`create table embedded_probe (id int primary key, label text not null)`);
      await db.insert(probe).values([
        { id: 1, label: "one" },
        { id: 2, label: "two" },
      ]);
      await expect(
        db.transaction(async (tx) => {
          await tx.insert(probe).values({ id: 3, label: "three" });
          await tx.insert(probe).values({ id: 1, label: "duplicate" }); // fails: rolls back id 3
        }),
      ).rejects.toThrow();
      const rows = await db.select().from(probe).orderBy(probe.id);
      expect(rows).toEqual([
        { id: 1, label: "one" },
        { id: 2, label: "two" },
      ]);
    } finally {
      await db.close();
    }
  });
});
