import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, createDb, sql, type Db } from "@truce/db";
import { agency } from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { enumIn, idIn, idNotIn } from "./id-list";

let demo: DemoDatabase;
let all: string[];
beforeAll(async () => {
  demo = await startDemoDatabase();
  all = (await demo.db.select({ id: agency.id }).from(agency).orderBy(asc(agency.id))).map(
    (a) => a.id,
  );
});
afterAll(async () => {
  await demo?.stop();
});

const ids = async (where: ReturnType<typeof idIn>, db: Db = demo.db) =>
  (await db.select({ id: agency.id }).from(agency).where(where).orderBy(asc(agency.id))).map(
    (a) => a.id,
  );

describe("a list of ids as one parameter", () => {
  it("keeps the rows of the ids (idIn) or the others (idNotIn), and an empty list keeps none or all", async () => {
    const some = [all[0]!, all[2]!];
    expect(await ids(idIn(agency.id, some))).toEqual(some);
    expect(await ids(idNotIn(agency.id, some))).toEqual(all.filter((id) => !some.includes(id)));
    expect(await ids(idIn(agency.id, []))).toEqual([]);
    expect(await ids(idNotIn(agency.id, []))).toEqual(all);
  });

  it("is one parameter and one statement text whatever the list's length", async () => {
    const sent: { text: string; params: unknown[] }[] = [];
    const db = createDb(demo.appUrl, { max: 1, onStatement: (s) => sent.push(s) });
    try {
      for (const list of [all.slice(0, 1), all]) await ids(idIn(agency.id, list), db);
      const selects = sent.filter((s) => s.text.includes("any("));
      expect(selects).toHaveLength(2);
      // One parameter each, the whole list (as PostgreSQL's array literal).
      expect(selects.map((s) => s.params.length)).toEqual([1, 1]);
      for (const id of all) expect(String(selects[1]!.params[0])).toContain(id);
      expect(new Set(selects.map((s) => s.text)).size).toBe(1);
    } finally {
      await db.close();
    }
  });

  it("takes a placeholder, for a statement built once and run with each list", async () => {
    const statement = demo.db
      .select({ id: agency.id })
      .from(agency)
      .where(idIn(agency.id, sql.placeholder("ids")))
      .orderBy(asc(agency.id))
      .prepare("id_list_test");
    const some = [all[1]!, all[3]!];
    expect((await statement.execute({ ids: some })).map((a) => a.id)).toEqual(some);
    expect((await statement.execute({ ids: [] })).map((a) => a.id)).toEqual([]);
  });
});

describe("enumIn", () => {
  it("keeps the rows with any of the values, given as a list or a placeholder", async () => {
    const kinds = await demo.db
      .select({ id: agency.id, kind: agency.kind })
      .from(agency)
      .orderBy(asc(agency.id));
    const wanted = ["police", "probation"] as const;
    const expected = kinds.filter((a) => (wanted as readonly string[]).includes(a.kind));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(kinds.length);
    expect(await ids(enumIn(agency.kind, wanted))).toEqual(expected.map((a) => a.id));
    const statement = demo.db
      .select({ id: agency.id })
      .from(agency)
      .where(enumIn(agency.kind, sql.placeholder("kinds")))
      .orderBy(asc(agency.id))
      .prepare("enum_in_test");
    expect((await statement.execute({ kinds: wanted })).map((a) => a.id)).toEqual(
      expected.map((a) => a.id),
    );
    expect(await ids(enumIn(agency.kind, []))).toEqual([]);
  });

  it("refuses a column that is not an enum", () => {
    // The typings refuse a text column already; the cast checks the refusal at run time.
    expect(() => enumIn(agency.name as never, ["x"])).toThrow(/not an enum/);
  });
});
