import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "@truce/db";
import {
  accessLog,
  assignment,
  individual,
  intervention,
  interventionParticipant,
  membership,
  note,
  user,
} from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import {
  adminCallerFor,
  approvedPerson,
  callerFor,
  claimsFor,
  settle,
  userIdOf,
} from "./test-actors";

let demo: DemoDatabase;

beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const as = async (email: string, app: "web" | "admin" = "web") =>
  callerFor(demo.db, await claimsFor(demo.db, email, app));

/**
 * Runs `body` while the access log refuses every row that `refused` (a condition on the
 * trigger's `new` row, written by the test itself) matches, as a log that is unavailable.
 */
async function whileTheLogRefuses(refused: string, body: () => Promise<void>) {
  await demo.ownerDb.execute(sql`create function refuse_log() returns trigger language plpgsql as
    $$ begin if ${sql.raw(refused)} then raise exception 'log unavailable'; end if; return new; end $$`);
  await demo.ownerDb.execute(sql`create trigger refuse_log before insert on access_log
    for each row execute function refuse_log()`);
  try {
    await body();
  } finally {
    await demo.ownerDb.execute(sql`drop trigger refuse_log on access_log`);
    await demo.ownerDb.execute(sql`drop function refuse_log()`);
  }
}

/** One member of each case agency, and a manager: the scopes differ by agency, not by person. */
const CASE_ACTORS = [
  "police.staff@truce.example",
  "police.manager@truce.example",
  "social.staff@truce.example",
  "exit.staff@truce.example",
  "probation.staff@truce.example",
] as const;

describe("notes", () => {
  it("a social worker never receives a police agency-only note, in a list or by id", async () => {
    const [policeNote] = await demo.db
      .select({ id: note.id, individualId: note.individualId })
      .from(note)
      .where(and(eq(note.authorAgencyId, demo.agencyIds.police!), eq(note.visibility, "agency")))
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

  it("keeps a pending registration's programme notes, and the person's id, within its agency", async () => {
    const rows = await demo.db
      .select({ id: note.id, agencyId: individual.registeringAgencyId })
      .from(note)
      .innerJoin(individual, eq(individual.id, note.individualId))
      .where(and(eq(individual.registrationStatus, "pending"), eq(note.visibility, "programme")));
    expect(rows.length).toBeGreaterThan(0);
    for (const email of CASE_ACTORS) {
      const caller = await as(email);
      const own = (await caller.session.me()).membership;
      for (const row of rows) {
        const read = await settle(caller.note.byId({ id: row.id }));
        if (row.agencyId === own?.agencyId) expect(read.ok, `${email} ${row.id}`).toBe(true);
        else expect(read, `${email} ${row.id}`).toEqual({ ok: false, code: "NOT_FOUND" });
      }
    }
  });

  it("writes a note and its access-log row in one transaction, or neither", async () => {
    const person = await approvedPerson(demo.db);
    const police = await as("police.staff@truce.example");
    const created = await police.note.create({
      individualId: person.id,
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
    await whileTheLogRefuses("new.entity_type = 'note'", async () => {
      const before = await demo.db.select({ n: sql<number>`count(*)::int` }).from(note);
      await expect(
        police.note.create({ individualId: person.id, body: "Never stored.", kind: "fact" }),
      ).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
      const after = await demo.db.select({ n: sql<number>`count(*)::int` }).from(note);
      expect(after[0]!.n).toBe(before[0]!.n);
    });

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
          eq(intervention.leadAgencyId, demo.agencyIds.police!),
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
    const person = await approvedPerson(demo.db);
    const claims = await claimsFor(demo.db, "probation.staff@truce.example");
    const withoutPurpose = await callerFor(demo.db, claims, {});
    await expect(withoutPurpose.individual.byId({ id: person.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const reviewing = await callerFor(demo.db, claims, { purpose: "review" });
    await reviewing.individual.byId({ id: person.id });
    const [logged] = await demo.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.entityId, person.id), eq(accessLog.userId, claims.userId)))
      .orderBy(desc(accessLog.id))
      .limit(1);
    expect(logged).toMatchObject({ action: "read", entityType: "individual", purpose: "review" });
  });

  it("returns no case content when the read's log row cannot be written", async () => {
    const person = await approvedPerson(demo.db);
    const police = await as("police.staff@truce.example");
    await whileTheLogRefuses("new.action = 'read'", async () => {
      for (const read of [
        () => police.individual.byId({ id: person.id }),
        () => police.note.forIndividual({ individualId: person.id }),
        () => police.intervention.forIndividual({ individualId: person.id }),
      ]) {
        await expect(read()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
      }
    });
  });

  it("hides a protected location from everyone but the exit programme's staff assigned now", async () => {
    const exitStaffId = await userIdOf(demo.db, "exit.staff@truce.example");
    const [person] = await demo.db
      .select({ id: individual.id, location: individual.currentLocation })
      .from(individual)
      .where(
        and(
          eq(individual.protectedLocation, true),
          eq(individual.registrationStatus, "approved"),
          sql`${individual.currentLocation} is not null`,
          sql`not exists (select 1 from ${assignment} where ${assignment.individualId} = ${individual.id}
              and ${assignment.userId} = ${exitStaffId})`,
        ),
      )
      .limit(1);
    const exit = await as("exit.staff@truce.example");
    const locationSeen = async () =>
      (await exit.individual.byId({ id: person!.id })).currentLocation;
    expect(await locationSeen()).toBeNull();
    const [assigned] = await demo.ownerDb
      .insert(assignment)
      .values({
        individualId: person!.id,
        agencyId: demo.agencyIds.exit_programme!,
        userId: exitStaffId,
        role: "other",
        startedOn: sql`current_date - 30`,
        endedOn: sql`current_date - 1`,
      })
      .returning({ id: assignment.id });
    const assign = (startedOn: ReturnType<typeof sql>, endedOn: ReturnType<typeof sql> | null) =>
      demo.ownerDb
        .update(assignment)
        .set({ startedOn, endedOn })
        .where(eq(assignment.id, assigned!.id));
    // Ended yesterday: no longer theirs to know.
    expect(await locationSeen()).toBeNull();
    // Starts next week: not yet.
    await assign(sql`current_date + 7`, null);
    expect(await locationSeen()).toBeNull();
    // Current, also on its last day.
    await assign(sql`current_date - 30`, null);
    expect(await locationSeen()).toBe(person!.location);
    await assign(sql`current_date - 30`, sql`current_date`);
    expect(await locationSeen()).toBe(person!.location);
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
          eq(individual.registeringAgencyId, demo.agencyIds.police!),
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

/**
 * The property behind every read by id: it applies exactly the scopes of the list it comes
 * from. Checked over the whole demo data, for one member of each case agency, so a scope
 * that a later read by id forgets fails here whichever record it concerns.
 */
describe("reads by id and lists, over the whole demo data", () => {
  it("give a profile, its notes and interventions exactly for the people in the register list, and a note by id exactly when it is in its person's notes", async () => {
    const people = await demo.db.select({ id: individual.id }).from(individual);
    const notes = await demo.db
      .select({ id: note.id })
      .from(note)
      .where(sql`${note.individualId} is not null`);
    const tally = { notesShown: 0, notesRefused: 0, peopleHidden: 0 };
    await Promise.all(
      CASE_ACTORS.map(async (email) => {
        const caller = await as(email);
        const inRegister = new Set<string>();
        const first = await caller.individual.list({ page: 1, pageSize: 100 });
        for (let page = 1; page <= Math.ceil(first.total / 100); page++) {
          const { items } = await caller.individual.list({ page, pageSize: 100 });
          for (const item of items) inRegister.add(item.id);
        }
        const listedNotes = new Map<string, unknown>();
        for (const person of people) {
          const reads = {
            profile: await settle(caller.individual.byId({ id: person.id })),
            interventions: await settle(
              caller.intervention.forIndividual({ individualId: person.id }),
            ),
            notes: await settle(caller.note.forIndividual({ individualId: person.id })),
          };
          for (const [what, read] of Object.entries(reads)) {
            const label = `${email} reads the ${what} of ${person.id}`;
            if (inRegister.has(person.id)) expect(read.ok, label).toBe(true);
            else expect(read, label).toEqual({ ok: false, code: "NOT_FOUND" });
          }
          if (reads.notes.ok) for (const n of reads.notes.value) listedNotes.set(n.id, n);
          if (!inRegister.has(person.id)) tally.peopleHidden++;
        }
        for (const n of notes) {
          const read = await settle(caller.note.byId({ id: n.id }));
          if (listedNotes.has(n.id)) {
            expect(read, `${email} reads note ${n.id} as listed`).toEqual({
              ok: true,
              value: listedNotes.get(n.id),
            });
            tally.notesShown++;
          } else {
            expect(read.ok, `${email} is refused note ${n.id}, which is not listed`).toBe(false);
            tally.notesRefused++;
          }
        }
      }),
    );
    // Every side of the rule occurs in the demo data.
    expect(tally.notesShown).toBeGreaterThan(0);
    expect(tally.notesRefused).toBeGreaterThan(0);
    expect(tally.peopleHidden).toBeGreaterThan(0);
  }, 180_000);
});

describe("role changes", () => {
  it("end the member's sessions at their next request, and are logged", async () => {
    const staffClaims = await claimsFor(demo.db, "police.manager@truce.example");
    const before = await callerFor(demo.db, staffClaims);
    await expect(before.session.me()).resolves.toBeTruthy();
    const admin = await adminCallerFor(
      demo.db,
      await claimsFor(demo.db, "platform.admin@truce.example", "admin"),
    );
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
