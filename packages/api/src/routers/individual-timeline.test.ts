import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@truce/auth/actor";
import { and, eq } from "@truce/db";
import {
  accessLog,
  conflict,
  conflictParty,
  group,
  groupMembership,
  incident,
  incidentParty,
  intervention,
  interventionParticipant,
  note,
  outcome,
  referral,
} from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import type { WebRouterOutputs } from "../index";
import { callerFor, claimsFor } from "../test-actors";
import { statementCounter, type StatementCounter } from "../test-statements";

type Timeline = WebRouterOutputs["individual"]["timeline"];
type Item = Timeline["items"][number];

let demo: DemoDatabase;
let police: SessionClaims;
let social: SessionClaims;
const agencyIds = () => ({
  police: demo.agencyIds.police!,
  social: demo.agencyIds.social_services!,
  probation: demo.agencyIds.probation!,
});

beforeAll(async () => {
  demo = await startDemoDatabase();
  police = await claimsFor(demo.db, "police.staff@truce.example");
  social = await claimsFor(demo.db, "social.staff@truce.example");
});
afterAll(async () => {
  await demo?.stop();
});

/** A moment `days` days after 1 March 2024, at noon (UTC): the test's own calendar. */
const day = (days: number, hour = 12) => new Date(Date.UTC(2024, 2, 1 + days, hour));
const dateOf = (days: number) => day(days).toISOString().slice(0, 10);

/** A person registered by the police with one item of each kind, each on its own day. */
async function personWithEveryKind() {
  const db = demo.ownerDb;
  const { police: policeId, social: socialId } = agencyIds();
  const person = await createTestIndividual(db, { registeringAgencyId: policeId });
  const [kept, shared] = await db
    .insert(intervention)
    .values([
      {
        kind: "custom_notification",
        leadAgencyId: policeId,
        occurredAt: day(1),
        status: "done",
        summary: "Police only: told about the consequences.",
        visibility: "agency",
      },
      {
        kind: "call_in",
        leadAgencyId: policeId,
        occurredAt: day(5),
        status: "done",
        summary: "Attended the call-in with two others.",
        message: "The violence stops now.",
        visibility: "programme",
      },
    ])
    .returning({ id: intervention.id });
  await db.insert(interventionParticipant).values([
    { interventionId: kept!.id, individualId: person.id, response: "attended" },
    { interventionId: shared!.id, individualId: person.id, response: "accepted_support" },
  ]);
  const [took] = await db
    .insert(outcome)
    .values({
      individualId: person.id,
      kind: "took_steps_to_leave",
      occurredAt: dateOf(3),
      recordingAgencyId: socialId,
      note: "Left the group's chat.",
    })
    .returning({ id: outcome.id });
  const [referred] = await db
    .insert(referral)
    .values({
      individualId: person.id,
      fromAgencyId: policeId,
      toAgencyId: socialId,
      service: "family_support",
      status: "sent",
      consent: true,
      consentOn: dateOf(4),
      note: "Between the police and social services.",
      createdAt: day(4),
    })
    .returning({ id: referral.id });
  const [policeNote, programmeNote] = await db
    .insert(note)
    .values([
      {
        individualId: person.id,
        body: "Police only: seen with the group's leader.",
        kind: "fact",
        visibility: "agency",
        authorAgencyId: policeId,
        createdAt: day(2),
      },
      {
        individualId: person.id,
        body: "Shared: wants to talk about work.",
        kind: "assessment",
        visibility: "programme",
        authorAgencyId: policeId,
        createdAt: day(6),
      },
    ])
    .returning({ id: note.id });
  const [shooting] = await db
    .insert(incident)
    .values({
      kind: "shooting",
      occurredAt: day(0),
      district: "Testby",
      injured: 1,
      summary: "Shots fired at a parked car.",
    })
    .returning({ id: incident.id });
  await db.insert(incidentParty).values([
    { incidentId: shooting!.id, individualId: person.id, role: "victim" },
    { incidentId: shooting!.id, individualId: person.id, role: "linked" },
  ]);
  return {
    person,
    ids: {
      keptIntervention: kept!.id,
      sharedIntervention: shared!.id,
      outcome: took!.id,
      referral: referred!.id,
      policeNote: policeNote!.id,
      programmeNote: programmeNote!.id,
      incident: shooting!.id,
    },
  };
}

/** A person registered by the police with `n` notes (programme-wide), one a day. */
async function personWithNotes(n: number) {
  const person = await createTestIndividual(demo.ownerDb, {
    registeringAgencyId: agencyIds().police,
  });
  if (n > 0) {
    await demo.ownerDb.insert(note).values(
      Array.from({ length: n }, (_, k) => ({
        individualId: person.id,
        body: `Note ${k + 1} of ${n}.`,
        kind: "fact" as const,
        visibility: "programme" as const,
        authorAgencyId: agencyIds().police,
        createdAt: day(k),
      })),
    );
  }
  return person;
}

async function everyPage(
  caller: Awaited<ReturnType<typeof callerFor>>,
  individualId: string,
  limit: number,
) {
  const pages: Timeline[] = [];
  let cursor: Timeline["nextCursor"] = null;
  do {
    const page: Timeline = await caller.individual.timeline({ individualId, limit, cursor });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe("individual.timeline", () => {
  it("puts every kind in one order, newest first", async () => {
    const { person, ids } = await personWithEveryKind();
    const caller = await callerFor(demo.db, police);
    const { items, nextCursor } = await caller.individual.timeline({ individualId: person.id });
    expect(items.map((i) => [i.kind, i.id])).toEqual([
      ["note", ids.programmeNote],
      ["intervention", ids.sharedIntervention],
      ["referral", ids.referral],
      ["outcome", ids.outcome],
      ["note", ids.policeNote],
      ["intervention", ids.keptIntervention],
      ["incident", ids.incident],
    ]);
    expect(nextCursor).toBeNull();
    const byKind = <K extends Item["kind"]>(kind: K) =>
      items.filter((i): i is Extract<Item, { kind: K }> => i.kind === kind);
    expect(byKind("intervention")[0]).toMatchObject({
      interventionKind: "call_in",
      enforcementKind: null,
      status: "done",
      response: "accepted_support",
      detailsVisible: true,
      message: "The violence stops now.",
      occurredAt: day(5),
    });
    expect(byKind("outcome")[0]).toMatchObject({
      outcomeKind: "took_steps_to_leave",
      occurredAt: dateOf(3),
      note: "Left the group's chat.",
    });
    expect(byKind("referral")[0]).toMatchObject({
      service: "family_support",
      status: "sent",
      consent: true,
      consentOn: dateOf(4),
      noteVisible: true,
      note: "Between the police and social services.",
      createdAt: day(4),
    });
    expect(byKind("incident")[0]).toMatchObject({
      incidentKind: "shooting",
      district: "Testby",
      dead: 0,
      injured: 1,
      roles: ["victim", "linked"],
      occurredAt: day(0),
    });
  });

  it("pages with the cursor through every item exactly once, in the same order", async () => {
    const { person } = await personWithEveryKind();
    // More of each kind on the same moments, so that ties between kinds and ids are paged too.
    await demo.ownerDb.insert(note).values(
      Array.from({ length: 6 }, (_, k) => ({
        individualId: person.id,
        body: `Tied note ${k}.`,
        kind: "fact" as const,
        visibility: "programme" as const,
        authorAgencyId: agencyIds().police,
        createdAt: day(k % 2 === 0 ? 5 : 4),
      })),
    );
    const caller = await callerFor(demo.db, police);
    const all = await caller.individual.timeline({ individualId: person.id, limit: 50 });
    expect(all.items).toHaveLength(13);
    for (const limit of [1, 2, 3, 5]) {
      const pages = await everyPage(caller, person.id, limit);
      const paged = pages.flatMap((p) => p.items.map((i) => `${i.kind}:${i.id}`));
      expect(paged, `limit ${limit}`).toEqual(all.items.map((i) => `${i.kind}:${i.id}`));
      expect(pages.at(-1)!.nextCursor).toBeNull();
      expect(pages.slice(0, -1).every((p) => p.items.length === limit)).toBe(true);
    }
  });

  it("keeps a police agency-only note out of social services' timeline, and shows it to the police", async () => {
    const { person, ids } = await personWithEveryKind();
    const ofPolice = await (
      await callerFor(demo.db, police)
    ).individual.timeline({
      individualId: person.id,
    });
    const ofSocial = await (
      await callerFor(demo.db, social)
    ).individual.timeline({
      individualId: person.id,
    });
    expect(ofPolice.items.map((i) => i.id)).toContain(ids.policeNote);
    expect(ofSocial.items.map((i) => i.id)).not.toContain(ids.policeNote);
    expect(ofSocial.items.map((i) => i.id)).toContain(ids.programmeNote);
    expect(JSON.stringify(ofSocial)).not.toContain("Police only: seen");
  });

  it("shows another agency that an agency-only intervention took place, without its details", async () => {
    const { person, ids } = await personWithEveryKind();
    const ofSocial = await (
      await callerFor(demo.db, social)
    ).individual.timeline({
      individualId: person.id,
    });
    const kept = ofSocial.items.find((i) => i.id === ids.keptIntervention);
    expect(kept).toMatchObject({
      kind: "intervention",
      interventionKind: "custom_notification",
      detailsVisible: false,
      summary: null,
      message: null,
      result: null,
      response: "attended",
    });
    expect(JSON.stringify(ofSocial)).not.toContain("Police only: told");
    const ofPolice = await (
      await callerFor(demo.db, police)
    ).individual.timeline({
      individualId: person.id,
    });
    expect(ofPolice.items.find((i) => i.id === ids.keptIntervention)).toMatchObject({
      detailsVisible: true,
      summary: "Police only: told about the consequences.",
    });
  });

  it("gives a referral's note only to the agencies that sent and received it", async () => {
    const { person, ids } = await personWithEveryKind();
    const probation = await claimsFor(demo.db, "probation.staff@truce.example");
    for (const [claims, visible] of [
      [police, true],
      [social, true],
      [probation, false],
    ] as const) {
      const { items } = await (
        await callerFor(demo.db, claims)
      ).individual.timeline({
        individualId: person.id,
      });
      expect(items.find((i) => i.id === ids.referral)).toMatchObject({
        noteVisible: visible,
        note: visible ? "Between the police and social services." : null,
      });
    }
  });

  it("refuses a pending person of another agency as not found, and logs nothing", async () => {
    const pending = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: agencyIds().police,
      registrationStatus: "pending",
    });
    const caller = await callerFor(demo.db, social);
    await expect(caller.individual.timeline({ individualId: pending.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.individual.connections({ individualId: pending.id })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
    const own = await callerFor(demo.db, police);
    expect((await own.individual.timeline({ individualId: pending.id })).items).toEqual([]);
    const logged = await demo.db
      .select({ agencyId: accessLog.agencyId })
      .from(accessLog)
      .where(eq(accessLog.entityId, pending.id));
    expect(logged.map((r) => r.agencyId)).toEqual([agencyIds().police]);
  });

  it("writes each page's read to the access log: the view and the ids it showed", async () => {
    const { person, ids } = await personWithEveryKind();
    const caller = await callerFor(demo.db, social, { purpose: "coordination_meeting" });
    const first = await caller.individual.timeline({ individualId: person.id, limit: 4 });
    await caller.individual.timeline({
      individualId: person.id,
      limit: 4,
      cursor: first.nextCursor,
    });
    const rows = await demo.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.entityType, "individual"), eq(accessLog.entityId, person.id)))
      .orderBy(accessLog.id);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({
        action: "read",
        purpose: "coordination_meeting",
        agencyId: agencyIds().social,
      });
    }
    expect(rows.map((r) => r.detail)).toEqual([
      {
        view: "timeline",
        noteIds: [ids.programmeNote],
        interventionIds: [ids.sharedIntervention],
        referralIds: [ids.referral],
        referralEventIds: [],
        outcomeIds: [ids.outcome],
        incidentIds: [],
      },
      {
        view: "timeline",
        noteIds: [],
        interventionIds: [ids.keptIntervention],
        referralIds: [],
        referralEventIds: [],
        outcomeIds: [],
        incidentIds: [ids.incident],
      },
    ]);
    // What was read, never the content.
    expect(JSON.stringify(rows)).not.toContain("wants to talk");
  });

  it("refuses a cursor that is not one the server handed out, as invalid input", async () => {
    const { person } = await personWithEveryKind();
    const caller = await callerFor(demo.db, police);
    for (const cursor of [
      { at: "2024-03-01T12:00:00.000Z", kind: "note", id: person.id },
      { at: "0000-01-01T00:00:00.000000Z", kind: "note", id: person.id },
      { at: "2024-03-01T12:00:00.000000Z", kind: "task", id: person.id },
    ]) {
      await expect(
        caller.individual.timeline({ individualId: person.id, cursor: cursor as never }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(
      caller.individual.timeline({ individualId: person.id, limit: 51 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("individual.connections", () => {
  async function connectedPerson() {
    const db = demo.ownerDb;
    const { police: policeId, social: socialId, probation: probationId } = agencyIds();
    const person = await createTestIndividual(db, { registeringAgencyId: policeId });
    const tag = uniqueTag();
    const [now, before] = await db
      .insert(group)
      .values([
        { name: `Now ${tag}`, area: "Testby" },
        { name: `Before ${tag}`, area: "Testby", status: "dissolved" },
      ])
      .returning({ id: group.id });
    await db.insert(groupMembership).values([
      { individualId: person.id, groupId: now!.id, affiliation: "core", fromOn: "2020-01-01" },
      {
        individualId: person.id,
        groupId: before!.id,
        affiliation: "associate",
        fromOn: "2015-01-01",
        toOn: "2019-12-31",
      },
    ]);
    const [feud, old, own] = await db
      .insert(conflict)
      .values([
        { title: `Feud ${tag}`, status: "escalating", riskLevel: "critical" },
        { title: `Old ${tag}`, status: "resolved", riskLevel: "low" },
        { title: `Own ${tag}`, status: "active", riskLevel: "high" },
      ])
      .returning({ id: conflict.id });
    await db.insert(conflictParty).values([
      { conflictId: feud!.id, groupId: now!.id, side: "A" },
      // Through a group the person has left: not theirs.
      { conflictId: old!.id, groupId: before!.id, side: "B" },
      { conflictId: own!.id, individualId: person.id, side: "North" },
    ]);
    const referrals = await db
      .insert(referral)
      .values([
        {
          individualId: person.id,
          fromAgencyId: policeId,
          toAgencyId: socialId,
          service: "housing",
          status: "accepted",
          note: "Needs a flat away from the square.",
          createdAt: day(2),
        },
        {
          individualId: person.id,
          fromAgencyId: socialId,
          toAgencyId: probationId,
          service: "treatment",
          status: "completed",
          createdAt: day(3),
        },
      ])
      .returning({ id: referral.id });
    return { person, now: now!.id, before: before!.id, feud: feud!.id, own: own!.id, referrals };
  }

  it("lists groups current first, conflicts direct and through a current group, and open referrals", async () => {
    const c = await connectedPerson();
    const probation = await claimsFor(demo.db, "probation.staff@truce.example");
    const caller = await callerFor(demo.db, probation);
    const result = await caller.individual.connections({ individualId: c.person.id });
    expect(result.groups.map((g) => [g.groupId, g.current, g.affiliation])).toEqual([
      [c.now, true, "core"],
      [c.before, false, "associate"],
    ]);
    expect(result.conflicts.map((x) => [x.conflictId, x.side, x.throughGroup?.id ?? null])).toEqual(
      [
        [c.own, "North", null],
        [c.feud, "A", c.now],
      ],
    );
    expect(result.openReferrals).toHaveLength(1);
    // Probation neither sent nor received it: that it is under way, not what it says.
    expect(result.openReferrals[0]).toMatchObject({
      id: c.referrals[0]!.id,
      service: "housing",
      status: "accepted",
      noteVisible: false,
      note: null,
    });
    const ofPolice = await (
      await callerFor(demo.db, police)
    ).individual.connections({
      individualId: c.person.id,
    });
    expect(ofPolice.openReferrals[0]!.note).toBe("Needs a flat away from the square.");
    const [logged] = await demo.db
      .select({ detail: accessLog.detail })
      .from(accessLog)
      .where(and(eq(accessLog.entityId, c.person.id), eq(accessLog.action, "read")))
      .orderBy(accessLog.id)
      .limit(1);
    expect(logged!.detail).toEqual({
      view: "connections",
      groupIds: [c.now, c.before],
      conflictIds: [c.own, c.feud],
      referralIds: [c.referrals[0]!.id],
    });
  });
});

describe("the statements of a read", () => {
  let counter: StatementCounter;
  beforeAll(() => {
    counter = statementCounter(demo.appUrl);
  });
  afterAll(async () => {
    await counter?.close();
  });
  const statementsOf = (read: () => Promise<unknown>) => counter.statementsOf(read);

  it("are as many for a person with 3 items as for one with 60, on any page", async () => {
    const few = await personWithNotes(3);
    const many = await personWithNotes(60);
    const caller = await callerFor(counter.db, police);
    const pageOf = (id: string) => () => caller.individual.timeline({ individualId: id });
    const firstOfMany = await caller.individual.timeline({ individualId: many.id });
    const deep = () =>
      caller.individual.timeline({ individualId: many.id, cursor: firstOfMany.nextCursor });
    const counts = {
      few: await statementsOf(pageOf(few.id)),
      many: await statementsOf(pageOf(many.id)),
      deep: await statementsOf(deep),
    };
    expect(counts.many).toBe(counts.few);
    expect(counts.deep).toBe(counts.few);
    // The person, the timeline, the access-log row, and the transaction around them.
    expect(counts.few).toBeLessThanOrEqual(5);
  });

  it("of connections are as many whatever the counts", async () => {
    const few = await personWithNotes(0);
    const many = await personWithNotes(0);
    const tag = uniqueTag();
    const groups = await demo.ownerDb
      .insert(group)
      .values(Array.from({ length: 20 }, (_, k) => ({ name: `Many ${tag} ${k}`, area: "Testby" })))
      .returning({ id: group.id });
    await demo.ownerDb.insert(groupMembership).values(
      groups.map((g) => ({
        individualId: many.id,
        groupId: g.id,
        affiliation: "member" as const,
      })),
    );
    const conflicts = await demo.ownerDb
      .insert(conflict)
      .values(groups.map((_, k) => ({ title: `Many ${tag} ${k}` })))
      .returning({ id: conflict.id });
    await demo.ownerDb.insert(conflictParty).values(
      conflicts.flatMap((c, k) => [
        { conflictId: c.id, groupId: groups[k]!.id, side: "A" },
        { conflictId: c.id, individualId: many.id, side: "B" },
      ]),
    );
    await demo.ownerDb.insert(referral).values(
      Array.from({ length: 20 }, () => ({
        individualId: many.id,
        fromAgencyId: agencyIds().police,
        toAgencyId: agencyIds().social,
        service: "housing" as const,
      })),
    );
    const caller = await callerFor(counter.db, police);
    const read = (id: string) => () => caller.individual.connections({ individualId: id });
    const manyResult = await caller.individual.connections({ individualId: many.id });
    expect(manyResult.conflicts).toHaveLength(40);
    expect(await statementsOf(read(many.id))).toBe(await statementsOf(read(few.id)));
  });
});
