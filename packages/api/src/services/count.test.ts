import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, like, lt } from "@truce/db";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { individual } from "@truce/db/schema";
import { startDemoDatabase, testIndividualValues, type DemoDatabase } from "@truce/db/testing";
import { callerFor, claimsFor } from "../test-actors";
import { cappedCount } from "./count";

const CAP = FIELD_LIMITS.count.max;
const EXTRA = 50;

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
  // More people than the cap, all approved, so every case worker's register is over it.
  const rows = Array.from({ length: CAP + EXTRA }, (_, k) =>
    testIndividualValues({
      givenName: "Capped",
      familyName: `Capped-${String(k).padStart(5, "0")}`,
      reviewDue: "2030-01-01",
      registeringAgencyId: demo.agencyIds.police!,
    }),
  );
  // And ten whose family name is like no other (a name search also finds names like it).
  const few = Array.from({ length: 10 }, (_, k) => ({
    ...rows[0]!,
    givenName: "Few",
    familyName: `Qorvextal ${"abcdefghij"[k]}`,
  }));
  for (let k = 0; k < rows.length; k += 1000) {
    await demo.ownerDb.insert(individual).values(rows.slice(k, k + 1000));
  }
  await demo.ownerDb.insert(individual).values(few);
}, 60_000);
afterAll(async () => {
  await demo?.stop();
});

describe("a capped count", () => {
  it("is exact up to the cap, and says it stopped beyond it", async () => {
    const [all] = await demo.db.select({ n: count() }).from(individual);
    expect(all!.n).toBeGreaterThan(CAP);
    expect(await cappedCount(demo.db, individual, undefined)).toEqual({
      total: CAP,
      totalCapped: true,
    });
    const capped = like(individual.familyName, "Capped-%");
    expect(await cappedCount(demo.db, individual, capped)).toEqual({
      total: CAP,
      totalCapped: true,
    });
    // Capped-00000 up to the one before Capped-<CAP>: exactly the cap's number of people.
    const exactlyCap = and(
      capped,
      lt(individual.familyName, `Capped-${String(CAP).padStart(5, "0")}`),
    );
    expect(await cappedCount(demo.db, individual, exactlyCap)).toEqual({
      total: CAP,
      totalCapped: false,
    });
    const few = like(individual.familyName, "Capped-0000%");
    expect(await cappedCount(demo.db, individual, few)).toEqual({ total: 10, totalCapped: false });
  });

  it("is what the register list shows, and its last page is the one the cap reaches", async () => {
    const caller = await callerFor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    const first = await caller.individual.list({ page: 1, pageSize: 100 });
    expect(first).toMatchObject({ total: CAP, totalCapped: true });
    const last = await caller.individual.list({ page: CAP / 100, pageSize: 100 });
    expect(last.items).toHaveLength(100);
    await expect(
      caller.individual.list({ page: CAP / 100 + 1, pageSize: 100 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const search = await caller.individual.list({ search: "qorvextal" });
    expect(search).toMatchObject({ total: 10, totalCapped: false });
    expect(search.items).toHaveLength(10);
    // A search counts its matches in its own statement, to the same cap.
    const many = await caller.individual.list({ search: "capped-", pageSize: 100 });
    expect(many).toMatchObject({ total: CAP, totalCapped: true });
    expect(many.items.map((i) => i.familyName)).toEqual(
      Array.from({ length: 100 }, (_, k) => `Capped-${String(k).padStart(5, "0")}`),
    );
    // A page past the last match still says how many there are.
    const past = await caller.individual.list({ search: "qorvextal", page: 2 });
    expect(past).toMatchObject({ items: [], total: 10, totalCapped: false });
  });
});
