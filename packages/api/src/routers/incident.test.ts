/**
 * Incidents against a real PostgreSQL with the demo data: recording one with its parties in
 * one transaction (all or nothing), the list's filters (kind, a period on the programme's
 * calendar, district, conflict), an incident's page with only the people the actor may see,
 * the review from the version seen, and the access log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq, gt, sql } from "@truce/db";
import { accessLog, conflict, group, incident, incidentParty } from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import { callerFor, claimsFor } from "../test-actors";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const as = async (email: string) => callerFor(demo.db, await claimsFor(demo.db, email));
const police = () => as("police.staff@truce.example");

async function lastLogId(): Promise<number> {
  const [row] = await demo.db
    .select({ id: sql<number>`coalesce(max(${accessLog.id}), 0)::int` })
    .from(accessLog);
  return row!.id;
}

async function someGroupId(): Promise<string> {
  const [row] = await demo.db
    .insert(group)
    .values({ name: `Incident test ${uniqueTag()}`, area: "Testby" })
    .returning({ id: group.id });
  return row!.id;
}

describe("incident.create", () => {
  it("records the incident and its parties together, and logs it", async () => {
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
    });
    const groupId = await someGroupId();
    const before = await lastLogId();
    const caller = await police();
    const { id } = await caller.incident.create({
      kind: "shooting",
      occurredAt: new Date("2026-02-01T20:15:00Z"),
      district: `Incidentby ${uniqueTag()}`,
      dead: 1,
      injured: 2,
      summary: "Shots fired outside the youth centre.",
      parties: [
        { individualId: person.id, role: "victim" },
        { individualId: person.id, role: "victim" },
        { groupId, role: "suspect" },
      ],
    });
    const parties = await demo.db
      .select({ role: incidentParty.role, individualId: incidentParty.individualId })
      .from(incidentParty)
      .where(eq(incidentParty.incidentId, id));
    // The person named twice in the same role is one party.
    expect(parties).toHaveLength(2);
    const [logged] = await demo.db
      .select()
      .from(accessLog)
      .where(gt(accessLog.id, before))
      .orderBy(desc(accessLog.id));
    expect(logged).toMatchObject({ action: "create", entityType: "incident", entityId: id });
    expect(JSON.stringify(logged)).not.toContain("youth centre");
  });

  it("writes nothing when one person named is not in the actor's view of the register", async () => {
    const pending = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      registrationStatus: "pending",
    });
    const district = `Nowhere ${uniqueTag()}`;
    const social = await as("social.staff@truce.example");
    await expect(
      social.incident.create({
        kind: "assault",
        occurredAt: new Date("2026-02-02T10:00:00Z"),
        district,
        parties: [{ individualId: pending.id, role: "suspect" }],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const written = await demo.db
      .select({ id: incident.id })
      .from(incident)
      .where(eq(incident.district, district));
    expect(written).toEqual([]);
  });

  it("refuses a future time and a party that is neither a person nor a group", async () => {
    const caller = await police();
    const base = { kind: "threat" as const, district: "Testby" };
    await expect(
      caller.incident.create({ ...base, occurredAt: new Date(Date.now() + 86_400_000) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.incident.create({ ...base, occurredAt: new Date(), parties: [{ role: "victim" }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is refused to an auditor and an agency admin", async () => {
    for (const email of ["auditor@truce.example", "agency.admin@truce.example"]) {
      const caller = await callerFor(demo.db, await claimsFor(demo.db, email, "admin"));
      await expect(
        caller.incident.create({ kind: "threat", district: "Testby", occurredAt: new Date() }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("incident.list", () => {
  it("filters by kind, a period of days on the programme's calendar, district and conflict", async () => {
    const district = `Listby ${uniqueTag()}`;
    const [linked] = await demo.db
      .insert(conflict)
      .values({ title: `Incident list test ${uniqueTag()}` })
      .returning({ id: conflict.id });
    const caller = await police();
    // 23:30 UTC on 31 May is already 1 June in Stockholm (summer time, UTC+2).
    const late = await caller.incident.create({
      kind: "shooting",
      occurredAt: new Date("2026-05-31T23:30:00Z"),
      district,
      conflictId: linked!.id,
    });
    const early = await caller.incident.create({
      kind: "stabbing",
      occurredAt: new Date("2026-05-31T12:00:00Z"),
      district,
    });
    const ids = async (filters: Record<string, unknown>) =>
      (await caller.incident.list({ district, ...filters })).items.map((i) => i.id);
    expect(await ids({})).toEqual([late.id, early.id]);
    expect(await ids({ kind: "stabbing" })).toEqual([early.id]);
    expect(await ids({ from: "2026-06-01", to: "2026-06-01" })).toEqual([late.id]);
    expect(await ids({ from: "2026-05-31", to: "2026-05-31" })).toEqual([early.id]);
    expect(await ids({ conflictId: linked!.id })).toEqual([late.id]);
    expect(await ids({ from: "2026-07-01" })).toEqual([]);
    const page = await caller.incident.list({ district });
    expect(page).toMatchObject({ total: 2, totalCapped: false });
    expect(page.items[0]).toMatchObject({
      conflictTitle: expect.stringContaining("Incident list"),
    });
  });

  it("refuses a period that ends before it starts", async () => {
    const caller = await police();
    await expect(
      caller.incident.list({ from: "2026-02-01", to: "2026-01-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("incident.byId and review", () => {
  it("shows the parties the actor may see, logs the read, and reviews from the version seen", async () => {
    const pending = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      registrationStatus: "pending",
    });
    const shared = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
    });
    const caller = await police();
    const { id } = await caller.incident.create({
      kind: "explosion",
      occurredAt: new Date("2026-03-03T03:00:00Z"),
      district: "Testby",
      parties: [
        { individualId: pending.id, role: "suspect" },
        { individualId: shared.id, role: "victim" },
      ],
    });
    const ofPolice = await caller.incident.byId({ id });
    expect(ofPolice.people.map((p) => p.id).sort()).toEqual([pending.id, shared.id].sort());
    const before = await lastLogId();
    const social = await as("social.staff@truce.example");
    const ofSocial = await social.incident.byId({ id });
    expect(ofSocial.people.map((p) => p.id)).toEqual([shared.id]);
    const [read] = await demo.db
      .select()
      .from(accessLog)
      .where(gt(accessLog.id, before))
      .orderBy(desc(accessLog.id));
    expect(read).toMatchObject({ action: "read", entityType: "incident", entityId: id });

    expect(await social.incident.review({ id, version: 1, groupInvolvement: "confirmed" })).toEqual(
      { id, groupInvolvement: "confirmed", version: 2 },
    );
    await expect(
      caller.incident.review({ id, version: 1, groupInvolvement: "none" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.incident.stale" });
    await expect(
      caller.incident.review({
        id: "00000000-0000-4000-8000-000000000001",
        version: 1,
        groupInvolvement: "none",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
