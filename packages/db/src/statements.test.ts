import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { sql } from "./index";
import { replayStatements, type RecordedStatement } from "./statements";
import { startPgServer, type PgServer } from "./testing/pg-server";

// The benchmark's floors replay what a request ran (bench/README.md): the recording must hold
// every statement with its parameters, and the replay must run a transaction as one.

let server: PgServer;
let db: Db;
let recording: RecordedStatement[] = [];

beforeAll(async () => {
  server = await startPgServer();
  db = createDb(server.url, { onStatement: (statement) => recording.push(statement) });
  await db.execute(sql`create table counter (name text primary key, n int not null)`);
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
});

async function record(work: () => Promise<unknown>): Promise<RecordedStatement[]> {
  recording = [];
  await work();
  const recorded = recording;
  recording = [];
  return recorded;
}

async function counter(name: string): Promise<number | null> {
  const rows = await db.$client<{ n: number }[]>`select n from counter where name = ${name}`;
  return rows[0]?.n ?? null;
}

describe("recorded statements", () => {
  it("hold each statement's text and parameters, and a transaction's control on its connection", async () => {
    const recorded = await record(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into counter values (${"a"}, ${1})`);
        await tx.execute(sql`update counter set n = n + ${10} where name = ${"a"}`);
      }),
    );
    expect(recorded.map((s) => s.text.trim().split(" ")[0]?.toLowerCase())).toEqual([
      "begin",
      "insert",
      "update",
      "commit",
    ]);
    expect(recorded[1]?.params).toEqual(["a", "1"]);
    expect(new Set(recorded.map((s) => s.connection)).size).toBe(1);
  });

  it("replay runs them again, with their parameters", async () => {
    const recorded = await record(() =>
      db.execute(
        sql`insert into counter values (${"b"}, ${5}) on conflict (name) do update set n = counter.n + 5`,
      ),
    );
    await replayStatements(db.$client, recorded);
    await replayStatements(db.$client, recorded);
    expect(await counter("b")).toBe(15);
  });

  it("replay runs a transaction as one: a failing statement undoes the statements before it", async () => {
    await db.execute(sql`insert into counter values (${"c"}, ${0})`);
    const recorded = await record(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`update counter set n = n + ${1} where name = ${"c"}`);
        await tx.execute(sql`insert into counter values (${"d"}, ${1})`);
      }),
    );
    await db.execute(sql`delete from counter where name = ${"d"}`);
    await replayStatements(db.$client, recorded);
    expect(await counter("c")).toBe(2);
    // The second run's insert finds "d" there: its update, run first, must not stay behind.
    await expect(replayStatements(db.$client, recorded)).rejects.toThrow(/duplicate key/);
    expect(await counter("c")).toBe(2);
  });
});
