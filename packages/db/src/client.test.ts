import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDb, plannedForItsValues, type Db } from "./client";
import { startPgServer, type PgServer } from "./testing/pg-server";

describe("createDb", () => {
  it("gives no relational query API, so no nested `with:` can read a table past its scope", async () => {
    // postgres.js connects on the first query only, so this needs no server.
    const db = createDb("postgres://nobody@127.0.0.1:9/none");
    try {
      expect(Object.keys(db.query)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe("createDb's statements", () => {
  let server: PgServer;
  let db: Db;
  beforeAll(async () => {
    server = await startPgServer();
    // One connection: the session whose prepared statements the test reads.
    db = createDb(server.url, { max: 1 });
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  /** This session's prepared statements whose text starts with `prefix`. */
  const preparedLike = async (runner: Pick<Db, "execute">, prefix: string) => {
    const rows = await runner.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_prepared_statements where statement like ${`${prefix}%`}`,
    );
    return rows[0]!.n;
  };

  it("prepares a statement with parameters once on its connection and runs it again from there", async () => {
    for (let k = 0; k < 3; k++) {
      const rows = await db.execute<{ v: number }>(sql`select ${k}::int + 1 as v`);
      expect(rows[0]!.v).toBe(k + 1);
    }
    expect(await preparedLike(db, "select $1::int + 1")).toBe(1);
  });

  it("prepares inside a transaction and a savepoint too, and keeps their results apart", async () => {
    await db.transaction(async (tx) => {
      const outer = await tx.execute<{ v: string }>(sql`select ${"outer"}::text as v`);
      await tx.transaction(async (inner) => {
        const nested = await inner.execute<{ v: string }>(sql`select ${"inner"}::text as v`);
        expect(nested[0]!.v).toBe("inner");
      });
      expect(outer[0]!.v).toBe("outer");
      expect(await preparedLike(tx, "select $1::text")).toBe(1);
    });
  });

  it("plans a statement marked plannedForItsValues for its values each time, never prepared", async () => {
    for (let k = 0; k < 3; k++) {
      const rows = await db.execute<{ v: number }>(
        plannedForItsValues(sql`select ${k}::int + 2 as v`),
      );
      expect(rows[0]!.v).toBe(k + 2);
    }
    expect(await preparedLike(db, "/* planned for its values */")).toBe(0);
    expect(await preparedLike(db, "select $1::int + 2")).toBe(0);
  });

  it("still runs a statement without parameters, and several in one text, by the simple protocol", async () => {
    const rows = await db.execute<{ v: number }>(sql.raw("select 1 as v; select 2 as v"));
    expect(rows.length).toBeGreaterThan(0);
  });
});
