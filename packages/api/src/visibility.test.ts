import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "@truce/db";
import {
  accessLog,
  agency,
  assignment,
  individual,
  intervention,
  interventionParticipant,
  membership,
  note,
  referral,
  user,
} from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { callerFor, claimsFor } from "./test-actors";

let demo: DemoDatabase;
const agencyIds: Record<string, string> = {};

beforeAll(async () => {
  demo = await startDemoDatabase();
  for (const row of await demo.db.select().from(agency)) agencyIds[row.kind] = row.id;
});
afterAll(async () => {
  await demo?.stop();
});

const as = async (email: string, app: "web" | "admin" = "web") =>
  callerFor(demo.db, await claimsFor(demo.db, email, app));

describe("notes", () => {
  it("a social worker never receives a police agency-only note, in a list or by id", async () => {
    const [policeNote] = await demo.db
      .select({ id: note.id, individualId: note.individualId })
      .from(note)
      .where(and(eq(note.authorAgencyId, agencyIds.police!), eq(note.visibility, "agency")))
      .limit(1);
    const social = await as("social.staff@truce.example");
    const listed = await social.note.forIndividual({ individualId: policeNote!.individualId! });
    expect(listed.map((n) => n.id)).not.toContain(policeNote!.id);
    await expect(social.note.byId({ id: policeNote!.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const police = await as("police.staff@truce.example");
    const own = await police.note.forIndividual({ individualId: policeNote!.individualId! });
    expect(own.map((n) => n.id)).toContain(policeNote!.id);
    expect((await police.note.byId({ id: policeNote!.id })).id).toBe(policeNote!.id);
  });

  it("shares social services' programme notes only where the person consented", async () => {
    const rows = await demo.db
      .select({
        id: note.id,
        individualId: note.individualId,
        consented: sql<boolean>`exists (select 1 from ${referral} where ${referral.individualId} = ${note.individualId} and ${referral.consent})`,
      })
      .from(note)
      .where(
        and(eq(note.authorAgencyId, agencyIds.social_services!), eq(note.visibility, "programme")),
      );
    const withConsent = rows.find((r) => r.consented);
    expect(withConsent).toBeDefined();
    const police = await as("police.staff@truce.example");
    expect((await police.note.byId({ id: withConsent!.id })).id).toBe(withConsent!.id);
    // Withdraw the consent: the same note is refused at the next call.
    await demo.db
      .update(referral)
      .set({ consent: false, consentOn: null })
      .where(eq(referral.individualId, withConsent!.individualId!));
    await expect(police.note.byId({ id: withConsent!.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("writes a note and its access-log row in one transaction, or neither", async () => {
    const [person] = await demo.db
      .select({ id: individual.id })
      .from(individual)
      .where(eq(individual.registrationStatus, "approved"))
      .limit(1);
    const police = await as("police.staff@truce.example");
    const created = await police.note.create({
      individualId: person!.id,
      body: "Seen at the station.",
      kind: "fact",
    });
    const [logged] = await demo.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.entityId, created.id));
    expect(logged).toMatchObject({
      action: "create",
      entityType: "note",
      fields: ["body", "kind", "visibility"],
    });
    expect(JSON.stringify(logged)).not.toContain("Seen at the station.");

    // A log write that fails fails the change: make the log refuse note rows for a moment.
    await demo.db.execute(sql`create function refuse_note_log() returns trigger language plpgsql as
      $$ begin if new.entity_type = 'note' then raise exception 'log unavailable'; end if; return new; end $$`);
    await demo.db.execute(sql`create trigger refuse_note_log before insert on access_log
      for each row execute function refuse_note_log()`);
    try {
      const before = await demo.db.select({ n: sql<number>`count(*)::int` }).from(note);
      await expect(
        police.note.create({ individualId: person!.id, body: "Never stored.", kind: "fact" }),
      ).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
      const after = await demo.db.select({ n: sql<number>`count(*)::int` }).from(note);
      expect(after[0]!.n).toBe(before[0]!.n);
    } finally {
      await demo.db.execute(sql`drop trigger refuse_note_log on access_log`);
      await demo.db.execute(sql`drop function refuse_note_log()`);
    }

    // A change that fails leaves no log row.
    const logRows = await demo.db.select({ n: sql<number>`count(*)::int` }).from(accessLog);
    await expect(
      police.note.create({ individualId: crypto.randomUUID(), body: "Nobody.", kind: "fact" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const logRowsAfter = await demo.db.select({ n: sql<number>`count(*)::int` }).from(accessLog);
    expect(logRowsAfter[0]!.n).toBe(logRows[0]!.n);
  });
});

describe("interventions", () => {
  it("shows other agencies that an agency-only intervention took place, without its content", async () => {
    const [row] = await demo.db
      .select({
        id: intervention.id,
        individualId: interventionParticipant.individualId,
        summary: intervention.summary,
      })
      .from(intervention)
      .innerJoin(
        interventionParticipant,
        eq(interventionParticipant.interventionId, intervention.id),
      )
      .innerJoin(individual, eq(individual.id, interventionParticipant.individualId))
      .where(
        and(
          eq(intervention.leadAgencyId, agencyIds.police!),
          eq(intervention.visibility, "agency"),
          eq(individual.registrationStatus, "approved"),
          sql`${intervention.summary} is not null`,
        ),
      )
      .limit(1);
    const social = await as("social.staff@truce.example");
    const seen = (
      await social.intervention.forIndividual({ individualId: row!.individualId })
    ).find((i) => i.id === row!.id);
    expect(seen).toMatchObject({
      detailsVisible: false,
      summary: null,
      result: null,
      message: null,
    });
    expect(seen?.kind).toBeTruthy();
    expect(seen?.leadAgencyName).toBeTruthy();
    const police = await as("police.staff@truce.example");
    const own = (await police.intervention.forIndividual({ individualId: row!.individualId })).find(
      (i) => i.id === row!.id,
    );
    expect(own).toMatchObject({ detailsVisible: true, summary: row!.summary });
  });
});

describe("profiles", () => {
  it("logs every profile read with the session's purpose, and asks for a purpose first", async () => {
    const [person] = await demo.db
      .select({ id: individual.id })
      .from(individual)
      .where(eq(individual.registrationStatus, "approved"))
      .limit(1);
    const claims = await claimsFor(demo.db, "probation.staff@truce.example");
    const withoutPurpose = await callerFor(demo.db, claims, {});
    await expect(withoutPurpose.individual.byId({ id: person!.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const reviewing = await callerFor(demo.db, claims, { purpose: "review" });
    await reviewing.individual.byId({ id: person!.id });
    const [logged] = await demo.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.entityId, person!.id), eq(accessLog.userId, claims.userId)))
      .orderBy(desc(accessLog.id))
      .limit(1);
    expect(logged).toMatchObject({ action: "read", entityType: "individual", purpose: "review" });
  });

  it("hides a protected location from everyone but the exit programme's assigned staff", async () => {
    const [exitStaff] = await demo.db
      .select()
      .from(user)
      .where(eq(user.email, "exit.staff@truce.example"));
    const [person] = await demo.db
      .select({ id: individual.id, location: individual.currentLocation })
      .from(individual)
      .where(
        and(
          eq(individual.protectedLocation, true),
          eq(individual.registrationStatus, "approved"),
          sql`${individual.currentLocation} is not null`,
        ),
      )
      .limit(1);
    await demo.db
      .insert(assignment)
      .values({
        individualId: person!.id,
        agencyId: agencyIds.exit_programme!,
        userId: exitStaff!.id,
        role: "other",
      })
      .onConflictDoNothing();
    const exit = await as("exit.staff@truce.example");
    expect((await exit.individual.byId({ id: person!.id })).currentLocation).toBe(person!.location);
    const police = await as("police.staff@truce.example");
    expect((await police.individual.byId({ id: person!.id })).currentLocation).toBeNull();
  });

  it("shows a pending registration only to the registering agency, also by id", async () => {
    const [pending] = await demo.db
      .select({ id: individual.id, agencyId: individual.registeringAgencyId })
      .from(individual)
      .where(
        and(
          eq(individual.registrationStatus, "pending"),
          eq(individual.registeringAgencyId, agencyIds.police!),
        ),
      )
      .limit(1);
    const police = await as("police.staff@truce.example");
    expect((await police.individual.byId({ id: pending!.id })).id).toBe(pending!.id);
    const exit = await as("exit.staff@truce.example");
    await expect(exit.individual.byId({ id: pending!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("changes what the same user sees when they switch the active agency", async () => {
    const [coordinator] = await demo.db
      .select()
      .from(user)
      .where(eq(user.email, "coordinator@truce.example"));
    const social = await callerFor(demo.db, {
      ...(await claimsFor(demo.db, "coordinator@truce.example")),
      membershipId: (
        await demo.db.execute<{ id: string }>(
          sql`select m.id from membership m join agency a on a.id = m.agency_id where m.user_id = ${coordinator!.id} and a.kind = 'social_services'`,
        )
      )[0]!.id,
    });
    const exit = await callerFor(demo.db, {
      ...(await claimsFor(demo.db, "coordinator@truce.example")),
      membershipId: (
        await demo.db.execute<{ id: string }>(
          sql`select m.id from membership m join agency a on a.id = m.agency_id where m.user_id = ${coordinator!.id} and a.kind = 'exit_programme'`,
        )
      )[0]!.id,
    });
    const asSocial = await social.individual.list({ pageSize: 100 });
    const asExit = await exit.individual.list({ pageSize: 100 });
    // Each agency sees its own pending registrations, so the two views differ.
    expect(asSocial.total).not.toBe(asExit.total);
  });
});

describe("role changes", () => {
  it("end the member's sessions at their next request, and are logged", async () => {
    const staffClaims = await claimsFor(demo.db, "police.manager@truce.example");
    const before = await callerFor(demo.db, staffClaims);
    await expect(before.session.me()).resolves.toBeTruthy();
    const admin = await as("platform.admin@truce.example", "admin");
    const [membershipRow] = await demo.db
      .select({ id: membership.id, version: membership.version })
      .from(membership)
      .where(eq(membership.id, staffClaims.membershipId!));
    await admin.membership.setRole({
      membershipId: membershipRow!.id,
      role: "staff",
      version: membershipRow!.version,
    });
    const after = await callerFor(demo.db, staffClaims);
    await expect(after.session.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const [logged] = await demo.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, "role_change"), eq(accessLog.entityId, membershipRow!.id)));
    expect(logged?.detail).toMatchObject({ from: "manager", to: "staff" });
  });
});
