import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne, sql } from "drizzle-orm";
import { pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { createDb, equalsConstant, plannedForItsValues, type Db } from "./client";
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

  it("writes equalsConstant's value into the text, so a generic plan uses a partial index on it", async () => {
    const kind = pgEnum("constant_test_kind", ["rare", "common"]);
    const thing = pgTable("constant_test_thing", {
      kind: kind().notNull(),
      owner: text().notNull(),
    });
    await db.execute(sql`create type constant_test_kind as enum ('rare', 'common')`);
    await db.execute(
      sql`create table constant_test_thing (kind constant_test_kind not null, owner text not null)`,
    );
    // One row in a thousand is rare, and only those are in the partial index.
    await db.execute(sql`insert into constant_test_thing
      select case when k % 1000 = 0 then 'rare' else 'common' end::constant_test_kind, 'owner ' || (k % 7)
      from generate_series(1, 50000) k`);
    await db.execute(
      sql`create index constant_test_rare_idx on constant_test_thing (owner) where kind = 'rare'`,
    );
    await db.execute(sql`analyze constant_test_thing`);
    const owner = ne(thing.owner, "owner 1");
    const constant = db
      .select({ owner: thing.owner })
      .from(thing)
      .where(and(equalsConstant(thing.kind, "rare"), owner))
      .toSQL();
    const parameter = db
      .select({ owner: thing.owner })
      .from(thing)
      .where(and(eq(thing.kind, "rare"), owner))
      .toSQL();
    expect(constant.sql).toContain(`"kind" = 'rare'`);
    expect(constant.params).toEqual(["owner 1"]);
    expect(parameter.params).toEqual(["rare", "owner 1"]);
    /** The generic plan of a statement: what a prepared statement runs on after five runs. */
    const genericPlan = async ({ sql: text, params }: { sql: string; params: unknown[] }) => {
      await db.execute(sql.raw(`prepare constant_test_plan as ${text}`));
      await db.execute(sql`set plan_cache_mode = force_generic_plan`);
      const args = params.map((p) => `'${String(p)}'`).join(", ");
      const plan = await db.execute<{ "QUERY PLAN": string }>(
        sql.raw(`explain execute constant_test_plan(${args})`),
      );
      await db.execute(sql`reset plan_cache_mode`);
      await db.execute(sql`deallocate constant_test_plan`);
      return plan.map((row) => row["QUERY PLAN"]).join("\n");
    };
    expect(await genericPlan(constant)).toContain("constant_test_rare_idx");
    expect(await genericPlan(parameter)).not.toContain("constant_test_rare_idx");
  });

  it("refuses a value that is not the column's", () => {
    const kind = pgEnum("constant_test_other", ["one", "two"]);
    const thing = pgTable("constant_test_other_thing", { kind: kind().notNull() });
    // @ts-expect-error: not a value of the enum
    expect(() => equalsConstant(thing.kind, "three")).toThrow(/not a value/);
  });
});
