/**
 * The register's counts follow the people: the approved people of each status, risk level,
 * category and registering agency, and of each review day, in each district and in the whole
 * city, kept by a trigger as people are registered, approved, changed and deleted, and never
 * written by the app's role. Against the demo on a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import {
  createTestIndividual,
  refusal,
  rowsApart,
  startDemoDatabase,
  type DemoDatabase,
} from "../testing";
import { individual } from "./individual";
import { registerCount, registerReview } from "./register-count";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

/** The rows that differ between the tables (their rows of anyone) and a count of the people. */
async function drift(): Promise<number> {
  const approved = sql`(select * from individual where registration_status = 'approved') a`;
  const [counts, reviews] = await Promise.all([
    rowsApart(
      demo.ownerDb,
      sql`
        select district, status, risk_level, category, registering_agency_id, people
        from register_count where people <> 0`,
      sql`
        select '' as district, status, risk_level, category, registering_agency_id,
          count(*)::int as people
        from ${approved} group by 2, 3, 4, 5
        union all
        select district, status, risk_level, category, registering_agency_id, count(*)::int
        from ${approved} group by 1, 2, 3, 4, 5`,
    ),
    rowsApart(
      demo.ownerDb,
      sql`
        select district, review_due, registering_agency_id, people
        from register_review where people <> 0`,
      sql`
        select '' as district, review_due, registering_agency_id, count(*)::int as people
        from ${approved} group by 2, 3
        union all
        select district, review_due, registering_agency_id, count(*)::int
        from ${approved} group by 1, 2, 3`,
    ),
  ]);
  return counts + reviews;
}

async function people(district: string) {
  const [row] = await demo.ownerDb
    .select({ people: sql<number>`coalesce(sum(${registerCount.people}), 0)::int` })
    .from(registerCount)
    .where(eq(registerCount.district, district));
  return row!.people;
}

async function reviewsOn(district: string, day: string) {
  const [row] = await demo.ownerDb
    .select({ people: sql<number>`coalesce(sum(${registerReview.people}), 0)::int` })
    .from(registerReview)
    .where(and(eq(registerReview.district, district), eq(registerReview.reviewDue, day)));
  return row!.people;
}

describe("register_count and register_review", () => {
  it("hold the demo's approved people as they are", async () => {
    expect(await drift()).toBe(0);
    const [approved] = await demo.ownerDb
      .select({ n: sql<number>`count(*)::int` })
      .from(individual)
      .where(eq(individual.registrationStatus, "approved"));
    expect(await people("")).toBe(approved!.n);
  });

  it("follow a registration, its approval, a change of status, district and review, and a deletion", async () => {
    const police = demo.agencyIds.police!;
    const social = demo.agencyIds.social_services!;
    const whole = await people("");
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: police,
      district: "Registerby",
      registrationStatus: "pending",
      reviewDue: "2036-01-15",
    });
    // A pending registration counts nowhere.
    expect(await people("Registerby")).toBe(0);
    expect(await reviewsOn("", "2036-01-15")).toBe(0);
    await demo.ownerDb
      .update(individual)
      .set({ registrationStatus: "approved", approvedAt: new Date() })
      .where(eq(individual.id, person.id));
    expect(await people("Registerby")).toBe(1);
    expect(await people("")).toBe(whole + 1);
    expect(await reviewsOn("Registerby", "2036-01-15")).toBe(1);
    await demo.ownerDb
      .update(individual)
      .set({
        status: "relocated",
        riskLevel: "low",
        district: "Movedregisterby",
        reviewDue: "2036-02-01",
        registeringAgencyId: social,
      })
      .where(eq(individual.id, person.id));
    expect(await people("Registerby")).toBe(0);
    expect(await people("Movedregisterby")).toBe(1);
    expect(await reviewsOn("", "2036-01-15")).toBe(0);
    expect(await reviewsOn("Movedregisterby", "2036-02-01")).toBe(1);
    const [row] = await demo.ownerDb
      .select({ agency: registerCount.registeringAgencyId, status: registerCount.status })
      .from(registerCount)
      .where(and(eq(registerCount.district, "Movedregisterby"), sql`${registerCount.people} > 0`));
    expect(row).toEqual({ agency: social, status: "relocated" });
    expect(await drift()).toBe(0);
    await demo.ownerDb.delete(individual).where(eq(individual.id, person.id));
    expect(await people("")).toBe(whole);
    expect(await people("Movedregisterby")).toBe(0);
    expect(await drift()).toBe(0);
  });

  it("are the app's to read, not to write, and are rebuilt whole to the same figures", async () => {
    await expect(demo.db.select().from(registerCount).limit(1)).resolves.toHaveLength(1);
    await expect(demo.db.select().from(registerReview).limit(1)).resolves.toHaveLength(1);
    for (const table of ["register_count", "register_review"]) {
      expect(await refusal(demo.db.execute(sql.raw(`delete from ${table}`)))).toMatch(
        new RegExp(`permission denied for table ${table}`),
      );
    }
    await demo.ownerDb.execute(sql`select rebuild_register_counts()`);
    expect(await drift()).toBe(0);
  });
});
