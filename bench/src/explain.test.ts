import { startPgServer, type PgServer } from "@truce/db/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainStatements } from "./explain";

let server: PgServer;
let sql: postgres.Sql;
beforeAll(async () => {
  server = await startPgServer();
  sql = postgres(server.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await server?.stop();
});

describe("explainStatements", () => {
  it("explains a read's queries, makes its settings for those after them, and leaves nothing", async () => {
    await sql`create table explained (n int)`;
    await sql`create index explained_n_idx on explained (n)`;
    const statement = (text: string, params: unknown[] = []) => ({ connection: 1, text, params });
    const plans = await explainStatements(sql, [
      statement("begin"),
      statement("insert into explained values ($1)", [1]),
      // The read's own setting, made as it made it: a table this small is otherwise read whole.
      statement("set local enable_seqscan = off"),
      statement("select count(*) from explained where n = $1", [1]),
      statement("commit"),
    ]);
    expect(plans.map((p) => p.text)).toEqual([
      "insert into explained values ($1)",
      "select count(*) from explained where n = $1",
    ]);
    expect(plans[0]!.scans).toEqual([]);
    expect(plans[1]!.scans).toHaveLength(1);
    expect(plans[1]!.scans).not.toContain("Seq Scan on explained");
    // Rolled back: the write was run and timed, and is gone.
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from explained`;
    expect(row!.n).toBe(0);
  });
});
