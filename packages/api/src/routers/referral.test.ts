/**
 * The referrals' procedures, against a real PostgreSQL with the demo data: sending a person
 * to another agency for a service with consent recorded; each agency's inbox and sent list
 * (open ones by default, newest first, paged, the person named only when in the actor's view
 * of the register, the read logged); each step of the state machine, taken only by the agency
 * whose step it is, from the version seen, with its referral_event row, the referral's status
 * and the access-log row in one transaction; and each step in the person's timeline, its
 * reason for the two agencies only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq, gt, sql, type Db } from "@truce/db";
import { accessLog, referral, referralEvent } from "@truce/db/schema";
import { createTestIndividual, startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { callerFor, claimsFor, userIdOf } from "../test-actors";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const POLICE = "police.staff@truce.example";
const EXIT = "exit.staff@truce.example";
const EXIT_MANAGER = "exit.manager@truce.example";
const SOCIAL = "social.staff@truce.example";
const PROBATION = "probation.staff@truce.example";
const as = async (email: string, db: Db = demo.db) => callerFor(db, await claimsFor(db, email));
const agency = (kind: "police" | "exit_programme" | "social_services" | "probation") =>
  demo.agencyIds[kind]!;

async function lastLogId(): Promise<number> {
  const [row] = await demo.db
    .select({ id: sql<number>`coalesce(max(${accessLog.id}), 0)::int` })
    .from(accessLog);
  return row!.id;
}

async function logSince(afterId: number) {
  return demo.db.select().from(accessLog).where(gt(accessLog.id, afterId)).orderBy(accessLog.id);
}

/** An approved person of the police's own, and a referral of them from the police to exit. */
async function referredPerson(note: string | null = "Wants out; call his mother first.") {
  const person = await createTestIndividual(demo.ownerDb, {
    registeringAgencyId: agency("police"),
  });
  const police = await as(POLICE);
  const created = await police.referral.create({
    individualId: person.id,
    toAgencyId: agency("exit_programme"),
    service: "exit_programme",
    consent: true,
    consentOn: "2026-11-30",
    note,
  });
  return { person, referral: created };
}

async function stepsOf(referralId: string) {
  return demo.db
    .select()
    .from(referralEvent)
    .where(eq(referralEvent.referralId, referralId))
    .orderBy(referralEvent.changedAt);
}

describe("referral.create", () => {
  it("sends a person from the actor's agency to another, with consent and its day, and logs it", async () => {
    const before = await lastLogId();
    const { person, referral: created } = await referredPerson();
    expect(created).toEqual({ id: expect.any(String), version: 1 });
    const [row] = await demo.db.select().from(referral).where(eq(referral.id, created.id));
    expect(row).toMatchObject({
      individualId: person.id,
      fromAgencyId: agency("police"),
      toAgencyId: agency("exit_programme"),
      service: "exit_programme",
      status: "sent",
      consent: true,
      consentOn: "2026-11-30",
      note: "Wants out; call his mother first.",
      createdById: await userIdOf(demo.db, POLICE),
    });
    const logged = await logSince(before);
    expect(logged.filter((r) => r.entityType === "referral")).toMatchObject([
      {
        action: "create",
        entityId: created.id,
        agencyId: agency("police"),
        fields: ["individualId", "toAgencyId", "service", "consent", "consentOn", "note"],
      },
    ]);
    // What was written, never the note itself.
    expect(JSON.stringify(logged)).not.toContain("mother");
  });

  it("records a refusal of consent with no day, and no note", async () => {
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: agency("social_services"),
    });
    const social = await as(SOCIAL);
    const created = await social.referral.create({
      individualId: person.id,
      toAgencyId: agency("exit_programme"),
      service: "employment",
      consent: false,
      consentOn: "",
      note: "",
    });
    const [row] = await demo.db.select().from(referral).where(eq(referral.id, created.id));
    expect(row).toMatchObject({ consent: false, consentOn: null, note: null });
  });

  it("refuses consent without its day, a day in the future, its own agency, and an unknown one", async () => {
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: agency("police"),
    });
    const police = await as(POLICE);
    const base = {
      individualId: person.id,
      toAgencyId: agency("exit_programme"),
      service: "exit_programme" as const,
      consent: true,
      consentOn: "2026-11-30",
    };
    await expect(police.referral.create({ ...base, consentOn: null })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      police.referral.create({ ...base, consentOn: "2999-01-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      police.referral.create({ ...base, toAgencyId: agency("police") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.referral.sameAgency" });
    await expect(
      police.referral.create({ ...base, toAgencyId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.referral.agencyNotFound" });
    await expect(
      police.referral.create({ ...base, service: "haircut" as never }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a person not in the actor's view of the register as not found", async () => {
    const pending = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: agency("probation"),
      registrationStatus: "pending",
    });
    const police = await as(POLICE);
    await expect(
      police.referral.create({
        individualId: pending.id,
        toAgencyId: agency("exit_programme"),
        service: "exit_programme",
        consent: false,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.individual.notFound" });
  });
});

describe("referral.list", () => {
  it("gives the receiving agency its inbox and the sender its sent list, newest first, and logs each read", async () => {
    const first = await referredPerson();
    const second = await referredPerson();
    const exit = await as(EXIT);
    const before = await lastLogId();
    const inbox = await exit.referral.list({ box: "received", pageSize: 100 });
    const ids = inbox.items.map((r) => r.id);
    expect(ids.indexOf(second.referral.id)).toBeLessThan(ids.indexOf(first.referral.id));
    expect(ids.indexOf(second.referral.id)).toBeGreaterThanOrEqual(0);
    for (const r of inbox.items) {
      expect(r.toAgencyId).toBe(agency("exit_programme"));
      expect(["sent", "accepted", "in_progress"]).toContain(r.status);
    }
    expect(inbox.items.find((r) => r.id === second.referral.id)).toMatchObject({
      individualId: second.person.id,
      personName: `${second.person.givenName} ${second.person.familyName}`,
      service: "exit_programme",
      fromAgencyName: "Malmvik Police",
      toAgencyName: "Malmvik Exit Programme",
      status: "sent",
      consent: true,
      consentOn: "2026-11-30",
      noteVisible: true,
      note: "Wants out; call his mother first.",
      steps: ["accepted", "declined"],
      version: 1,
    });
    expect(inbox.status).toEqual(["sent", "accepted", "in_progress"]);
    const logged = await logSince(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      action: "read",
      purpose: "case_work",
      entityType: "agency",
      entityId: agency("exit_programme"),
    });
    expect(logged[0]!.detail).toMatchObject({ view: "referrals", box: "received" });
    expect((logged[0]!.detail as { referralIds: string[] }).referralIds).toEqual(ids);
    expect(JSON.stringify(logged)).not.toContain("mother");

    const sent = await (await as(POLICE)).referral.list({ box: "sent", pageSize: 100 });
    expect(sent.items.find((r) => r.id === second.referral.id)!.steps).toEqual(["withdrawn"]);
    for (const r of sent.items) expect(r.fromAgencyId).toBe(agency("police"));
    // Another agency's inbox holds none of them.
    const social = await (await as(SOCIAL)).referral.list({ box: "received", pageSize: 100 });
    expect(social.items.map((r) => r.id)).not.toContain(second.referral.id);
  });

  it("filters by status, pages in the database, and counts", async () => {
    const { referral: r } = await referredPerson();
    const exit = await as(EXIT);
    await exit.referral.transition({ id: r.id, version: 1, status: "declined", reason: "Full." });
    const open = await exit.referral.list({ box: "received", pageSize: 100 });
    expect(open.items.map((i) => i.id)).not.toContain(r.id);
    const declined = await exit.referral.list({ box: "received", status: ["declined"] });
    expect(declined.items.map((i) => i.id)).toContain(r.id);
    expect(declined.items.every((i) => i.status === "declined" && i.steps.length === 0)).toBe(true);
    const all = await exit.referral.list({ box: "received", status: ["sent", "declined"] });
    const pageOne = await exit.referral.list({
      box: "received",
      status: ["sent", "declined"],
      pageSize: 2,
    });
    const pageTwo = await exit.referral.list({
      box: "received",
      status: ["sent", "declined"],
      pageSize: 2,
      page: 2,
    });
    expect(pageOne.total).toBe(all.total);
    expect([...pageOne.items, ...pageTwo.items].map((i) => i.id)).toEqual(
      all.items.slice(0, 4).map((i) => i.id),
    );
  });

  it("names a pending registration of the sender only to the sender", async () => {
    const pending = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: agency("probation"),
      registrationStatus: "pending",
    });
    const probation = await as(PROBATION);
    const created = await probation.referral.create({
      individualId: pending.id,
      toAgencyId: agency("exit_programme"),
      service: "exit_programme",
      consent: false,
    });
    const inbox = await (await as(EXIT)).referral.list({ box: "received", pageSize: 100 });
    expect(inbox.items.find((r) => r.id === created.id)).toMatchObject({
      individualId: null,
      personName: null,
    });
    const sent = await probation.referral.list({ box: "sent", pageSize: 100 });
    expect(sent.items.find((r) => r.id === created.id)).toMatchObject({
      individualId: pending.id,
    });
  });

  it("refuses without the session's purpose, and bad input", async () => {
    const noPurpose = await callerFor(demo.db, await claimsFor(demo.db, EXIT), {});
    await expect(noPurpose.referral.list({})).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const exit = await as(EXIT);
    await expect(exit.referral.list({ box: "outbox" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(exit.referral.list({ status: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("referral.transition", () => {
  it("takes each step of the way: accepted, in progress, completed, each with its row and log", async () => {
    const { referral: r } = await referredPerson();
    const exit = await as(EXIT);
    const before = await lastLogId();
    const accepted = await exit.referral.transition({ id: r.id, version: 1, status: "accepted" });
    expect(accepted).toEqual({ id: r.id, status: "accepted", version: 2 });
    const started = await exit.referral.transition({ id: r.id, version: 2, status: "in_progress" });
    expect(started).toEqual({ id: r.id, status: "in_progress", version: 3 });
    const done = await exit.referral.transition({
      id: r.id,
      version: 3,
      status: "completed",
      reason: "Moved into the programme's housing.",
    });
    expect(done).toEqual({ id: r.id, status: "completed", version: 4 });
    const exitStaffId = await userIdOf(demo.db, EXIT);
    expect(await stepsOf(r.id)).toMatchObject([
      { status: "accepted", reason: null, changedById: exitStaffId },
      { status: "in_progress", changedByAgencyId: agency("exit_programme") },
      { status: "completed", reason: "Moved into the programme's housing." },
    ]);
    const [row] = await demo.db.select().from(referral).where(eq(referral.id, r.id));
    expect(row).toMatchObject({ status: "completed", version: 4, updatedById: exitStaffId });
    const logged = (await logSince(before)).filter((l) => l.entityType === "referral");
    expect(logged.map((l) => [l.action, l.entityId, l.fields, l.detail])).toEqual([
      ["update", r.id, ["status"], { from: "sent", status: "accepted" }],
      ["update", r.id, ["status"], { from: "accepted", status: "in_progress" }],
      ["update", r.id, ["status", "reason"], { from: "in_progress", status: "completed" }],
    ]);
    expect(JSON.stringify(logged)).not.toContain("housing.");
  });

  it("lets the receiving manager accept straight to completed, and the sender withdraw", async () => {
    const one = await referredPerson();
    const manager = await as(EXIT_MANAGER);
    await manager.referral.transition({ id: one.referral.id, version: 1, status: "accepted" });
    await manager.referral.transition({ id: one.referral.id, version: 2, status: "completed" });
    const two = await referredPerson();
    const police = await as(POLICE);
    await expect(
      police.referral.transition({
        id: two.referral.id,
        version: 1,
        status: "withdrawn",
        reason: "He moved away.",
      }),
    ).resolves.toEqual({ id: two.referral.id, status: "withdrawn", version: 2 });
    expect(await stepsOf(two.referral.id)).toMatchObject([
      { status: "withdrawn", reason: "He moved away.", changedByAgencyId: agency("police") },
    ]);
  });

  it("declines with the reason, and refuses a decline without one", async () => {
    const { referral: r } = await referredPerson();
    const exit = await as(EXIT);
    await expect(
      exit.referral.transition({ id: r.id, version: 1, status: "declined" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      exit.referral.transition({ id: r.id, version: 1, status: "declined", reason: "   " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await stepsOf(r.id)).toEqual([]);
    await exit.referral.transition({
      id: r.id,
      version: 1,
      status: "declined",
      reason: "No place this term.",
    });
    expect(await stepsOf(r.id)).toMatchObject([
      { status: "declined", reason: "No place this term." },
    ]);
  });

  it("refuses the sender accepting, the receiver withdrawing, and anyone else any step", async () => {
    const { referral: r } = await referredPerson();
    const police = await as(POLICE);
    await expect(
      police.referral.transition({ id: r.id, version: 1, status: "accepted" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "apiErrors.referral.receiverOnly" });
    const exit = await as(EXIT);
    await expect(
      exit.referral.transition({ id: r.id, version: 1, status: "withdrawn" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "apiErrors.referral.senderOnly" });
    const social = await as(SOCIAL);
    await expect(
      social.referral.transition({ id: r.id, version: 1, status: "accepted" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "apiErrors.referral.notParty" });
    await expect(
      exit.referral.transition({ id: crypto.randomUUID(), version: 1, status: "accepted" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.referral.notFound" });
    expect(await stepsOf(r.id)).toEqual([]);
    const [row] = await demo.db.select().from(referral).where(eq(referral.id, r.id));
    expect(row).toMatchObject({ status: "sent", version: 1 });
  });

  it("refuses a stale version, a step that does not follow, and any step of a finished referral", async () => {
    const { referral: r } = await referredPerson();
    const exit = await as(EXIT);
    await exit.referral.transition({ id: r.id, version: 1, status: "accepted" });
    await expect(
      exit.referral.transition({ id: r.id, version: 1, status: "in_progress" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.referral.stale" });
    await expect(
      exit.referral.transition({ id: r.id, version: 2, status: "declined", reason: "Changed." }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.referral.stepNotAllowed" });
    await expect(
      exit.referral.transition({ id: r.id, version: 2, status: "accepted" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.referral.stepNotAllowed" });
    await exit.referral.transition({ id: r.id, version: 2, status: "completed" });
    await expect(
      exit.referral.transition({ id: r.id, version: 3, status: "in_progress" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.referral.finished" });
    const police = await as(POLICE);
    await expect(
      police.referral.transition({ id: r.id, version: 3, status: "withdrawn" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.referral.finished" });
    expect((await stepsOf(r.id)).map((s) => s.status)).toEqual(["accepted", "completed"]);
  });

  it("takes two steps at once one after the other: the second is stale", async () => {
    const { referral: r } = await referredPerson();
    const exit = await as(EXIT);
    const results = await Promise.allSettled([
      exit.referral.transition({ id: r.id, version: 1, status: "accepted" }),
      exit.referral.transition({ id: r.id, version: 1, status: "declined", reason: "Full." }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect(results.find((x) => x.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT" },
    });
    expect(await stepsOf(r.id)).toHaveLength(1);
  });

  it("refuses bad input with a 400, never a 5xx", async () => {
    const exit = await as(EXIT);
    for (const input of [
      { id: "42", version: 1, status: "accepted" },
      { id: crypto.randomUUID(), version: 0, status: "accepted" },
      { id: crypto.randomUUID(), version: 2 ** 31, status: "accepted" },
      { id: crypto.randomUUID(), version: 1, status: "sent" },
      { id: crypto.randomUUID(), version: 1, status: "accepted", reason: "x".repeat(1_001) },
    ]) {
      await expect(exit.referral.transition(input as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
  });
});

describe("a referral's steps in the person's timeline", () => {
  it("shows each step with who, which agency and when to everyone, its reason to the two agencies", async () => {
    const { person, referral: r } = await referredPerson();
    const exit = await as(EXIT);
    await exit.referral.transition({
      id: r.id,
      version: 1,
      status: "declined",
      reason: "No place this term.",
    });
    const [step] = await demo.db
      .select()
      .from(referralEvent)
      .where(eq(referralEvent.referralId, r.id))
      .orderBy(desc(referralEvent.changedAt));
    for (const [email, party] of [
      [POLICE, true],
      [EXIT, true],
      [SOCIAL, false],
    ] as const) {
      const { items } = await (await as(email)).individual.timeline({ individualId: person.id });
      expect(items.map((i) => i.kind).slice(0, 2), email).toEqual(["referral_event", "referral"]);
      expect(items[0], email).toEqual({
        kind: "referral_event",
        id: step!.id,
        referralId: r.id,
        status: "declined",
        service: "exit_programme",
        fromAgencyName: "Malmvik Police",
        toAgencyName: "Malmvik Exit Programme",
        changedByName: expect.any(String),
        changedByAgencyName: "Malmvik Exit Programme",
        changedAt: step!.changedAt,
        reasonVisible: party,
        reason: party ? "No place this term." : null,
      });
    }
    const before = await lastLogId();
    await (await as(SOCIAL)).individual.timeline({ individualId: person.id });
    const [read] = await logSince(before);
    expect(read!.detail).toMatchObject({ referralEventIds: [step!.id], referralIds: [r.id] });
  });
});
