import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";
import { builtOnce } from "./built-once";
import { createDb, type Db } from "./client";
import { startPgServer, type PgServer } from "./testing/pg-server";

const word = pgTable("built_once_word", { value: text().notNull(), kind: text().notNull() });

describe("builtOnce", () => {
  let server: PgServer;
  let db: Db;
  const sent: string[] = [];
  beforeAll(async () => {
    server = await startPgServer();
    db = createDb(server.url, { max: 1, onStatement: (s) => sent.push(s.text) });
    await db.execute(sql`create table built_once_word (value text not null, kind text not null)`);
    await db.execute(
      sql`insert into built_once_word values ('apple', 'fruit'), ('pear', 'fruit'), ('kale', 'leaf')`,
    );
  });
  afterAll(async () => {
    await db?.close();
    await server?.stop();
  });

  let builds = 0;
  const words = builtOnce((handle, shape: "all" | "of_kind") => {
    builds++;
    const query = handle.select({ value: word.value }).from(word).$dynamic();
    return (
      shape === "of_kind" ? query.where(sql`${word.kind} = ${sql.placeholder("kind")}`) : query
    )
      .orderBy(word.value)
      .prepare(`built_once_${shape}`);
  });

  it("builds a statement once for a handle and a shape, and runs it with each run's values", async () => {
    const before = builds;
    const fruit = await words(db, "of_kind").execute({ kind: "fruit" });
    const leaves = await words(db, "of_kind").execute({ kind: "leaf" });
    expect(fruit.map((w) => w.value)).toEqual(["apple", "pear"]);
    expect(leaves.map((w) => w.value)).toEqual(["kale"]);
    expect(words(db, "of_kind")).toBe(words(db, "of_kind"));
    expect(builds - before).toBe(1);
    // Another shape is another statement.
    expect((await words(db, "all").execute()).map((w) => w.value)).toEqual([
      "apple",
      "kale",
      "pear",
    ]);
    expect(builds - before).toBe(2);
    // The values went as parameters of one statement text.
    const texts = sent.filter((text) => text.includes("built_once_word") && text.includes("$1"));
    expect(new Set(texts).size).toBe(1);
  });

  it("builds again for another handle, so a transaction's statements run on its own connection", async () => {
    const before = builds;
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into built_once_word values ('plum', 'fruit')`);
        const statement = words(tx, "of_kind");
        expect(statement).not.toBe(words(db, "of_kind"));
        // Inside the transaction, its own row is seen.
        expect((await statement.execute({ kind: "fruit" })).map((w) => w.value)).toEqual([
          "apple",
          "pear",
          "plum",
        ]);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error) || !/rollback/i.test(error.message)) throw error;
      });
    expect(builds - before).toBe(1);
    expect((await words(db, "of_kind").execute({ kind: "fruit" })).map((w) => w.value)).toEqual([
      "apple",
      "pear",
    ]);
  });
});
