/**
 * The embedded server must behave like PostgreSQL for two apps at once. Every scenario runs
 * on the embedded server and on a throwaway PostgreSQL 15, and must give the same answer.
 * No test awaits another connection from inside an open transaction: on the embedded
 * server that waits for ever (the transaction holds the one session).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPgServer } from "../testing/pg-server";
import { latch, pool, sleep, startTempEmbeddedServer, within } from "./test-helpers";

const targets = [
  {
    name: "the embedded PGlite server",
    start: async () => {
      const server = await startTempEmbeddedServer();
      return { url: server.url, stop: server.dispose };
    },
  },
  {
    name: "a real PostgreSQL 15 server",
    start: () => startPgServer({ database: "truce_concurrency" }),
  },
];

describe.each(targets)("on $name", ({ name, start }) => {
  let url: string;
  let stop: () => Promise<void>;
  let web: ReturnType<typeof pool>;
  let admin: ReturnType<typeof pool>;

  beforeAll(async () => {
    const server = await start();
    url = server.url;
    stop = server.stop;
    web = pool(server.url, "web");
    admin = pool(server.url, "admin");
    await web`create table counter (id int primary key, n int not null)`;
    await web`create table item (id serial primary key, tag text not null)`;
  });

  afterAll(async () => {
    await Promise.all([web?.end({ timeout: 5 }), admin?.end({ timeout: 5 })]);
    await stop?.();
  });

  it("counts exactly when two apps increment one row in 200 concurrent transactions", async () => {
    await web`insert into counter values (1, 0)`;
    const started = performance.now();
    await within(
      60_000,
      "200 increments",
      Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 ? web : admin).begin(async (tx) => {
            const [row] = await tx<{ n: number }[]>`select n from counter where id = 1 for update`;
            await tx`update counter set n = ${row!.n + 1} where id = 1`;
          }),
        ),
      ),
    );
    const ms = Math.round(performance.now() - started);
    const [row] = await web<{ n: number }[]>`select n from counter where id = 1`;
    console.info(`[${name}] 200 increments by two pools of 10 in ${ms} ms, final count ${row?.n}`);
    expect(row?.n).toBe(200);
  });

  it("never shows another app half a transaction: it sees none or all of its rows", async () => {
    const written = latch();
    const transaction = web.begin(async (tx) => {
      await tx`insert into item (tag) values ('pair')`;
      written.open();
      await sleep(150); // the other app asks now, while this transaction is open
      await tx`insert into item (tag) values ('pair')`;
    });
    await within(10_000, "first insert", written.opened);
    const seen = admin<{ n: number }[]>`select count(*)::int as n from item where tag = 'pair'`;
    await within(10_000, "transaction", transaction);
    const [row] = await within(10_000, "the other app's read", seen);
    expect([0, 2]).toContain(row?.n);
    const [after] = await admin<
      { n: number }[]
    >`select count(*)::int as n from item where tag = 'pair'`;
    expect(after?.n).toBe(2);
  });

  it("leaves nothing of a rolled-back transaction, and never showed it", async () => {
    const written = latch();
    const transaction = web.begin(async (tx) => {
      await tx`insert into item (tag) values ('undone')`;
      written.open();
      await sleep(150);
      throw new Error("changed my mind");
    });
    await within(10_000, "insert", written.opened);
    const seen = admin<{ n: number }[]>`select count(*)::int as n from item where tag = 'undone'`;
    await expect(within(10_000, "transaction", transaction)).rejects.toThrow("changed my mind");
    const [row] = await within(10_000, "the other app's read", seen);
    expect(row?.n).toBe(0);
    const [after] = await web<
      { n: number }[]
    >`select count(*)::int as n from item where tag = 'undone'`;
    expect(after?.n).toBe(0);
  });

  it("gives every query its own answer while another app's statements fail", async () => {
    // A statement that fails to parse leaves the session skipping messages until a Sync;
    // the stock pglite-socket multiplexer let other connections' queries fall into that gap.
    const outcomes = await within(
      30_000,
      "mixed queries",
      Promise.all(
        Array.from({ length: 300 }, async (_, i) => {
          if (i % 2) {
            return web`select no_such_column + ${i}::int`.then(
              () => "unexpected success",
              (error: Error) => (/no_such_column/.test(error.message) ? "ok" : error.message),
            );
          }
          const [row] = await admin<{ v: number }[]>`select ${i}::int as v`;
          return row?.v === i ? "ok" : `query ${i} got ${JSON.stringify(row)}`;
        }),
      ),
    );
    expect(outcomes.filter((o) => o !== "ok")).toEqual([]);
  });

  it("keeps large statements whole while another app queries", async () => {
    const big = "x".repeat(300_000); // several TCP packets
    const outcomes = await within(
      60_000,
      "large and small queries",
      Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const [row] =
            i % 2
              ? await web<{ v: number }[]>`select length(${big}) + ${i}::int as v`
              : await admin<{ v: number }[]>`select ${300_000 + i}::int as v`;
          return row?.v === 300_000 + i ? "ok" : `query ${i} got ${JSON.stringify(row)}`;
        }),
      ),
    );
    expect(outcomes.filter((o) => o !== "ok")).toEqual([]);
  });

  it("rolls back the transaction of an app that disconnects in the middle of it", async () => {
    const crashing = pool(url, "crashing", 1);
    const written = latch();
    const transaction = crashing.begin(async (tx) => {
      await tx`insert into item (tag) values ('orphan')`;
      written.open();
      await new Promise(() => {}); // the app dies before it commits
    });
    transaction.catch(() => {});
    await within(10_000, "insert", written.opened);
    await crashing.end({ timeout: 0 });
    const [row] = await within(
      10_000,
      "read after the disconnect",
      admin<{ n: number }[]>`select count(*)::int as n from item where tag = 'orphan'`,
    );
    expect(row?.n).toBe(0);
  });
});
