/**
 * The start page's overview against a real PostgreSQL with the demo data: the latest
 * incidents, the escalating conflicts by risk, the people this user read or changed lately
 * (from their own access-log rows, each person once, the latest first, only those in the
 * view of the agency they act for), a bounded number of statements, and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, type Db } from "@truce/db";
import { conflict, incident, membership, user } from "@truce/db/schema";
import {
  createTestIndividual,
  createTestUser,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import { START_OVERVIEW_LIMITS } from "../services/start/get-start-overview";
import { statementCounter, type StatementCounter } from "../test-statements";
import { callerFor, claimsFor } from "../test-actors";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

/** A staff user of the test's own (who has touched no one yet), in the police and social services. */
async function ownUser() {
  return createTestUser(demo.ownerDb, {
    memberships: [
      { agencyId: demo.agencyIds.police!, role: "staff" },
      { agencyId: demo.agencyIds.social_services!, role: "staff" },
    ],
  });
}

/** A caller acting as the user's membership in the agency of that kind. */
async function actingFor(userId: string, kind: "police" | "social_services", db: Db = demo.db) {
  const [row] = await demo.db
    .select({ membershipId: membership.id, sessionVersion: user.sessionVersion })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.userId, userId), eq(membership.agencyId, demo.agencyIds[kind]!)));
  return callerFor(db, {
    userId,
    sessionVersion: row!.sessionVersion,
    membershipId: row!.membershipId,
  });
}

const approved = () =>
  createTestIndividual(demo.ownerDb, { registeringAgencyId: demo.agencyIds.police! });

describe("start.overview", () => {
  it("shows a new user the latest incidents, the escalating conflicts by risk, and no one touched", async () => {
    const { id } = await ownUser();
    const start = await (await actingFor(id, "police")).start.overview();
    expect(start.people).toEqual([]);
    const latest = await demo.db
      .select({ id: incident.id })
      .from(incident)
      .orderBy(desc(incident.occurredAt), desc(incident.id))
      .limit(START_OVERVIEW_LIMITS.incidents);
    expect(start.incidents.map((i) => i.id)).toEqual(latest.map((i) => i.id));
    const escalating = await demo.db
      .select({ id: conflict.id })
      .from(conflict)
      .where(eq(conflict.status, "escalating"));
    expect(escalating.length).toBeGreaterThan(0);
    expect(start.conflicts).toHaveLength(
      Math.min(escalating.length, START_OVERVIEW_LIMITS.conflicts),
    );
    const order = ["low", "medium", "high", "critical"];
    const risks = start.conflicts.map((c) => order.indexOf(c.riskLevel));
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
  });

  it("lists the people the user read or changed, each once, the latest first, and no one else's", async () => {
    const { id } = await ownUser();
    const caller = await actingFor(id, "police");
    const [a, b, c] = [await approved(), await approved(), await approved()];
    await caller.individual.byId({ id: a.id });
    await caller.individual.timeline({ individualId: b.id });
    await caller.individual.setStatus({ id: c.id, version: 1, status: "in_exit_process" });
    await caller.individual.byId({ id: a.id });
    // Another user's reads are theirs.
    const other = await callerFor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    const d = await approved();
    await other.individual.byId({ id: d.id });

    const start = await caller.start.overview();
    expect(start.people.map((p) => p.id)).toEqual([a.id, c.id, b.id]);
    expect(start.people[1]).toMatchObject({
      givenName: "Test",
      familyName: c.familyName,
      status: "in_exit_process",
      riskLevel: expect.any(String),
      isMinor: false,
    });
    expect(start.people[0]!.touchedAt).toBeInstanceOf(Date);
  });

  it("leaves out a person the agency the user now acts for may not see", async () => {
    const { id } = await ownUser();
    const pending = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      registrationStatus: "pending",
      familyName: `Pending-${uniqueTag()}`,
    });
    const shared = await approved();
    const asPolice = await actingFor(id, "police");
    await asPolice.individual.byId({ id: pending.id });
    await asPolice.individual.byId({ id: shared.id });
    expect((await asPolice.start.overview()).people.map((p) => p.id)).toEqual([
      shared.id,
      pending.id,
    ]);
    const asSocial = await actingFor(id, "social_services");
    const seen = await asSocial.start.overview();
    expect(seen.people.map((p) => p.id)).toEqual([shared.id]);
    expect(JSON.stringify(seen)).not.toContain(pending.familyName);
  });

  it("shows at most its limit of people", async () => {
    const { id } = await ownUser();
    const caller = await actingFor(id, "police");
    for (let k = 0; k < START_OVERVIEW_LIMITS.people + 2; k++) {
      await caller.individual.byId({ id: (await approved()).id });
    }
    expect((await caller.start.overview()).people).toHaveLength(START_OVERVIEW_LIMITS.people);
  });

  it("refuses anyone without case work", async () => {
    await expect((await callerFor(demo.db, null)).start.overview()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const auditor = await callerFor(
      demo.db,
      await claimsFor(demo.db, "auditor@truce.example", "admin"),
    );
    await expect(auditor.start.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the statements of the start page", () => {
  let counter: StatementCounter;
  beforeAll(() => {
    counter = statementCounter(demo.appUrl);
  });
  afterAll(async () => {
    await counter?.close();
  });

  it("are three, for a user who touched no one as for one who touched many", async () => {
    const fresh = await ownUser();
    const busy = await ownUser();
    const busyCaller = await actingFor(busy.id, "police");
    for (let k = 0; k < 12; k++) {
      const { id } = await approved();
      await busyCaller.individual.byId({ id });
      await busyCaller.individual.timeline({ individualId: id });
    }
    const [freshCounted, busyCounted] = [
      await actingFor(fresh.id, "police", counter.db),
      await actingFor(busy.id, "police", counter.db),
    ];
    const counts = {
      fresh: await counter.statementsOf(() => freshCounted.start.overview()),
      busy: await counter.statementsOf(() => busyCounted.start.overview()),
    };
    expect((await busyCounted.start.overview()).people).toHaveLength(START_OVERVIEW_LIMITS.people);
    expect(counts.busy).toBe(counts.fresh);
    expect(counts.fresh).toBe(3);
  });
});
