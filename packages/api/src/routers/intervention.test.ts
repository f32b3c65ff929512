/**
 * Interventions against a real PostgreSQL with the demo data: recording each kind, a call-in
 * with its people, agencies and speakers in one transaction (all or nothing), the default
 * visibility of the lead agency, an intervention's page as each agency may see it (that it
 * took place for everyone, the details as the content scope says, the people as far as the
 * actor's view of the register goes), the change from the version seen, and the access log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, desc, eq, gt, sql } from "@truce/db";
import {
  accessLog,
  conflict,
  group,
  incident,
  intervention,
  interventionAgency,
  interventionParticipant,
  interventionSpeaker,
} from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import { callerFor, claimsFor } from "../test-actors";
import { statementCounter, type StatementCounter } from "../test-statements";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const as = async (email: string) => callerFor(demo.db, await claimsFor(demo.db, email));
const police = () => as("police.staff@truce.example");
const social = () => as("social.staff@truce.example");
const exit = () => as("exit.staff@truce.example");

const person = (options: { pending?: boolean } = {}) =>
  createTestIndividual(demo.ownerDb, {
    registeringAgencyId: demo.agencyIds.police!,
    ...(options.pending ? { registrationStatus: "pending" as const } : {}),
  });

async function lastLogId(): Promise<number> {
  const [row] = await demo.db
    .select({ id: sql<number>`coalesce(max(${accessLog.id}), 0)::int` })
    .from(accessLog);
  return row!.id;
}

async function logSince(afterId: number) {
  return demo.db
    .select()
    .from(accessLog)
    .where(gt(accessLog.id, afterId))
    .orderBy(desc(accessLog.id));
}

/** How many rows each of the intervention's tables holds. */
async function rowCounts() {
  const n = async (
    table:
      | typeof intervention
      | typeof interventionParticipant
      | typeof interventionAgency
      | typeof interventionSpeaker,
  ) => (await demo.db.select({ n: count() }).from(table))[0]!.n;
  return {
    interventions: await n(intervention),
    participants: await n(interventionParticipant),
    agencies: await n(interventionAgency),
    speakers: await n(interventionSpeaker),
  };
}

const past = new Date("2026-02-10T17:30:00Z");

describe("intervention.create", () => {
  it("records a call-in with its people, agencies and speakers together, and logs the fields' names", async () => {
    const [a, b] = [await person(), await person()];
    const before = await lastLogId();
    const caller = await police();
    const { id } = await caller.intervention.create({
      kind: "call_in",
      status: "done",
      occurredAt: past,
      summary: "Eight came; the message was given.",
      message: "The shooting stops now, or the whole group pays.",
      result: "Two asked for the exit programme.",
      participants: [
        { individualId: a.id, response: "attended" },
        { individualId: b.id, response: null },
        // Named twice: one participant, with the last response.
        { individualId: a.id, response: "accepted_support" },
      ],
      agencyIds: [demo.agencyIds.social_services!, demo.agencyIds.social_services!],
      speakers: [
        { name: "Anna Berg", role: "Chief of police", agencyId: demo.agencyIds.police! },
        { name: "Leila Haddad", role: "Mother of a victim", agencyId: null },
      ],
    });
    const [written] = await demo.db.select().from(intervention).where(eq(intervention.id, id));
    expect(written).toMatchObject({
      kind: "call_in",
      leadAgencyId: demo.agencyIds.police,
      // Police intelligence stays within the police unless chosen otherwise.
      visibility: "agency",
      message: "The shooting stops now, or the whole group pays.",
      channel: null,
    });
    const people = await demo.db
      .select({
        id: interventionParticipant.individualId,
        response: interventionParticipant.response,
      })
      .from(interventionParticipant)
      .where(eq(interventionParticipant.interventionId, id));
    expect(people.sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(
      [
        { id: a.id, response: "accepted_support" },
        { id: b.id, response: null },
      ].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    const agencies = await demo.db
      .select({ id: interventionAgency.agencyId })
      .from(interventionAgency)
      .where(eq(interventionAgency.interventionId, id));
    // The lead agency was there, and social services once.
    expect(agencies.map((x) => x.id).sort()).toEqual(
      [demo.agencyIds.police!, demo.agencyIds.social_services!].sort(),
    );
    const speakers = await demo.db
      .select({ name: interventionSpeaker.name })
      .from(interventionSpeaker)
      .where(eq(interventionSpeaker.interventionId, id));
    expect(speakers.map((s) => s.name).sort()).toEqual(["Anna Berg", "Leila Haddad"]);
    const [logged] = await logSince(before);
    expect(logged).toMatchObject({
      action: "create",
      entityType: "intervention",
      entityId: id,
      fields: expect.arrayContaining(["summary", "message", "participants", "speakers"]),
    });
    const text = JSON.stringify(logged);
    for (const content of ["Eight came", "shooting stops", "exit programme", "Anna Berg"]) {
      expect(text).not.toContain(content);
    }
  });

  it("records each other kind with its own fields, and drops another kind's", async () => {
    const p = await person();
    const caller = await police();
    const [incidentRow] = await demo.db
      .insert(incident)
      .values({ kind: "shooting", occurredAt: past, district: "Testby" })
      .returning({ id: incident.id });
    const [groupRow] = await demo.db
      .insert(group)
      .values({ name: `Intervention test ${uniqueTag()}`, area: "Testby" })
      .returning({ id: group.id });
    const [conflictRow] = await demo.db
      .insert(conflict)
      .values({ title: `Intervention test ${uniqueTag()}` })
      .returning({ id: conflict.id });
    const base = { status: "done" as const, occurredAt: past };
    const cases = [
      {
        input: {
          ...base,
          kind: "custom_notification" as const,
          channel: "street" as const,
          deliveryResult: "delivered" as const,
          message: "We know, and we can help.",
          participants: [{ individualId: p.id }],
          // A call-in's fields left from the form: dropped.
          speakers: [{ name: "Someone", role: "Speaker" }],
        },
        row: {
          channel: "street",
          deliveryResult: "delivered",
          message: "We know, and we can help.",
        },
      },
      {
        input: { ...base, kind: "home_visit" as const, participants: [{ individualId: p.id }] },
        row: { channel: null, message: null },
      },
      {
        input: {
          ...base,
          kind: "support_offer" as const,
          participants: [{ individualId: p.id, response: "accepted_support" as const }],
          result: "Accepted a place in the exit programme.",
          // A conversation's fields: dropped.
          channel: "phone" as const,
        },
        row: { channel: null, result: "Accepted a place in the exit programme." },
      },
      {
        input: {
          ...base,
          kind: "mediation" as const,
          conflictId: conflictRow!.id,
          status: "planned" as const,
          occurredAt: new Date(Date.now() + 7 * 86_400_000),
        },
        row: { conflictId: conflictRow!.id, status: "planned" },
      },
      {
        input: {
          ...base,
          kind: "enforcement" as const,
          enforcementKind: "search" as const,
          groupId: groupRow!.id,
          triggeringIncidentId: incidentRow!.id,
          result: "Two weapons seized.",
        },
        row: {
          enforcementKind: "search",
          groupId: groupRow!.id,
          triggeringIncidentId: incidentRow!.id,
        },
      },
    ];
    for (const { input, row } of cases) {
      const { id } = await caller.intervention.create(input);
      const [written] = await demo.db.select().from(intervention).where(eq(intervention.id, id));
      expect(written, input.kind).toMatchObject({ kind: input.kind, ...row });
      const speakers = await demo.db
        .select({ n: count() })
        .from(interventionSpeaker)
        .where(eq(interventionSpeaker.interventionId, id));
      expect(speakers[0]!.n, input.kind).toBe(0);
    }
  });

  it("defaults the visibility by the lead agency: the exit programme shares its work", async () => {
    const p = await person();
    const { id } = await (
      await exit()
    ).intervention.create({
      kind: "support_offer",
      status: "done",
      occurredAt: past,
      participants: [{ individualId: p.id }],
    });
    const [written] = await demo.db.select().from(intervention).where(eq(intervention.id, id));
    expect(written).toMatchObject({
      leadAgencyId: demo.agencyIds.exit_programme,
      visibility: "programme",
    });
  });

  it("writes nothing of a call-in when one person named does not exist", async () => {
    const p = await person();
    const before = await rowCounts();
    const caller = await police();
    await expect(
      caller.intervention.create({
        kind: "call_in",
        status: "done",
        occurredAt: past,
        participants: [
          { individualId: p.id, response: "attended" },
          { individualId: "00000000-0000-4000-8000-00000000dead" },
        ],
        agencyIds: [demo.agencyIds.social_services!],
        speakers: [{ name: "Anna Berg", role: "Chief of police" }],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rowCounts()).toEqual(before);
  });

  it("writes nothing when a person is another agency's pending registration, or an agency does not exist", async () => {
    const pending = await person({ pending: true });
    const shared = await person();
    const before = await rowCounts();
    await expect(
      (await social()).intervention.create({
        kind: "call_in",
        status: "planned",
        occurredAt: past,
        participants: [{ individualId: shared.id }, { individualId: pending.id }],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.individual.notFound" });
    await expect(
      (await police()).intervention.create({
        kind: "call_in",
        status: "planned",
        occurredAt: past,
        participants: [{ individualId: shared.id }],
        agencyIds: ["00000000-0000-4000-8000-00000000beef"],
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "apiErrors.intervention.agencyNotFound",
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses bad input with the field's message, never a server error", async () => {
    const p = await person();
    const caller = await police();
    const base = { status: "done" as const, occurredAt: past };
    const refusal = (input: unknown) =>
      caller.intervention.create(input as Parameters<typeof caller.intervention.create>[0]);
    await expect(refusal({ ...base, kind: "enforcement" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      refusal({ ...base, kind: "custom_notification", participants: [{ individualId: p.id }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(refusal({ ...base, kind: "call_in", participants: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      refusal({
        ...base,
        kind: "home_visit",
        occurredAt: new Date(Date.now() + 86_400_000),
        participants: [{ individualId: p.id }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is refused to an auditor and an agency admin", async () => {
    for (const email of ["auditor@truce.example", "agency.admin@truce.example"]) {
      const caller = await callerFor(demo.db, await claimsFor(demo.db, email, "admin"));
      await expect(
        caller.intervention.create({ kind: "mediation", status: "planned", occurredAt: past }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

/** A police call-in kept within the police, with a shared person and a police pending one. */
async function policeCallIn() {
  const shared = await person();
  const pending = await person({ pending: true });
  const { id } = await (
    await police()
  ).intervention.create({
    kind: "call_in",
    status: "planned",
    occurredAt: past,
    summary: "Kept within the police: who said what.",
    message: "The violence stops now.",
    participants: [{ individualId: shared.id }, { individualId: pending.id }],
    agencyIds: [demo.agencyIds.probation!],
    speakers: [{ name: "Anna Berg", role: "Chief of police" }],
  });
  return { id, shared, pending };
}

describe("intervention.byId", () => {
  it("shows the lead agency everything, and logs the read", async () => {
    const { id, shared, pending } = await policeCallIn();
    const before = await lastLogId();
    const found = await (await police()).intervention.byId({ id });
    expect(found).toMatchObject({
      id,
      kind: "call_in",
      leadAgencyName: expect.any(String),
      detailsVisible: true,
      summary: "Kept within the police: who said what.",
      message: "The violence stops now.",
      editable: true,
    });
    expect(found.participants.map((p) => p.id).sort()).toEqual([shared.id, pending.id].sort());
    expect(found.speakers.map((s) => s.name)).toEqual(["Anna Berg"]);
    expect(found.agencies.map((a) => a.id).sort()).toEqual(
      [demo.agencyIds.police!, demo.agencyIds.probation!].sort(),
    );
    const [read] = await logSince(before);
    expect(read).toMatchObject({ action: "read", entityType: "intervention", entityId: id });
    expect(JSON.stringify(read)).not.toContain("Kept within");
  });

  it("shows another agency that it took place, not its details, speakers or the police's pending person", async () => {
    const { id, shared } = await policeCallIn();
    const found = await (await social()).intervention.byId({ id });
    expect(found).toMatchObject({
      id,
      kind: "call_in",
      status: "planned",
      leadAgencyId: demo.agencyIds.police,
      detailsVisible: false,
      summary: null,
      message: null,
      result: null,
      speakers: [],
      editable: false,
    });
    expect(found.participants.map((p) => p.id)).toEqual([shared.id]);
    // The agencies present are coordination, not content.
    expect(found.agencies).toHaveLength(2);
  });

  it("shows a programme intervention's details to every agency", async () => {
    const p = await person();
    const { id } = await (
      await police()
    ).intervention.create({
      kind: "home_visit",
      status: "done",
      occurredAt: past,
      visibility: "programme",
      summary: "Shared: the family is worried.",
      participants: [{ individualId: p.id }],
    });
    const found = await (await social()).intervention.byId({ id });
    expect(found).toMatchObject({
      detailsVisible: true,
      summary: "Shared: the family is worried.",
    });
  });

  it("refuses an intervention that does not exist as not found", async () => {
    await expect(
      (await police()).intervention.byId({ id: "00000000-0000-4000-8000-000000000001" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("intervention.update", () => {
  it("marks a planned call-in done with the responses, from the version seen; a stale change is refused", async () => {
    const { id, shared, pending } = await policeCallIn();
    const caller = await police();
    const before = await lastLogId();
    const fields = {
      status: "done" as const,
      occurredAt: past,
      summary: "Held: both came.",
      visibility: "agency" as const,
    };
    expect(
      await caller.intervention.update({
        id,
        version: 1,
        ...fields,
        responses: [
          { individualId: shared.id, response: "attended" },
          { individualId: pending.id, response: "refused_support" },
        ],
      }),
    ).toEqual({ id, version: 2 });
    const found = await caller.intervention.byId({ id });
    expect(found).toMatchObject({ status: "done", summary: "Held: both came.", version: 2 });
    expect(Object.fromEntries(found.participants.map((p) => [p.id, p.response]))).toEqual({
      [shared.id]: "attended",
      [pending.id]: "refused_support",
    });
    const updateRow = (await logSince(before)).find((r) => r.action === "update");
    expect(updateRow).toMatchObject({
      entityType: "intervention",
      entityId: id,
      fields: expect.arrayContaining(["status", "responses"]),
    });
    await expect(
      caller.intervention.update({ id, version: 1, ...fields, status: "cancelled" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.intervention.stale" });
  });

  it("refuses another agency, and a response for someone not invited, changing nothing", async () => {
    const { id, shared } = await policeCallIn();
    const outsider = await person();
    const fields = { status: "done" as const, occurredAt: past, visibility: "agency" as const };
    await expect(
      (await social()).intervention.update({ id, version: 1, ...fields }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "apiErrors.intervention.notLeadAgency" });
    await expect(
      (await police()).intervention.update({
        id,
        version: 1,
        ...fields,
        responses: [
          { individualId: shared.id, response: "attended" },
          { individualId: outsider.id, response: "attended" },
        ],
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "apiErrors.intervention.participantNotFound",
    });
    const [row] = await demo.db
      .select({ status: intervention.status, version: intervention.version })
      .from(intervention)
      .where(eq(intervention.id, id));
    expect(row).toEqual({ status: "planned", version: 1 });
    const responses = await demo.db
      .select({ response: interventionParticipant.response })
      .from(interventionParticipant)
      .where(eq(interventionParticipant.interventionId, id));
    expect(responses.every((r) => r.response === null)).toBe(true);
  });

  it("is refused to an auditor", async () => {
    const { id } = await policeCallIn();
    const caller = await callerFor(
      demo.db,
      await claimsFor(demo.db, "auditor@truce.example", "admin"),
    );
    await expect(
      caller.intervention.update({
        id,
        version: 1,
        status: "done",
        occurredAt: past,
        visibility: "agency",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("an intervention in the person's timeline", () => {
  it("is there for each participant, with their response", async () => {
    const [a, b] = [await person(), await person()];
    const caller = await police();
    const { id } = await caller.intervention.create({
      kind: "call_in",
      status: "done",
      occurredAt: past,
      participants: [
        { individualId: a.id, response: "attended" },
        { individualId: b.id, response: "no_show" },
      ],
    });
    for (const [who, response] of [
      [a, "attended"],
      [b, "no_show"],
    ] as const) {
      const page = await caller.individual.timeline({ individualId: who.id, limit: 20 });
      expect(page.items.find((i) => i.id === id)).toMatchObject({ kind: "intervention", response });
    }
  });
});

describe("the statements of an intervention's page", () => {
  let counter: StatementCounter;
  beforeAll(() => {
    counter = statementCounter(demo.appUrl);
  });
  afterAll(async () => {
    await counter?.close();
  });

  it("are as many for a call-in of one person as for one of 40 with speakers", async () => {
    const caller = await callerFor(
      counter.db,
      await claimsFor(demo.db, "police.staff@truce.example"),
    );
    const one = await caller.intervention.create({
      kind: "call_in",
      status: "done",
      occurredAt: past,
      participants: [{ individualId: (await person()).id }],
    });
    const people = await Promise.all(Array.from({ length: 40 }, () => person()));
    const many = await caller.intervention.create({
      kind: "call_in",
      status: "done",
      occurredAt: past,
      participants: people.map((p) => ({ individualId: p.id, response: "attended" as const })),
      agencyIds: [demo.agencyIds.social_services!, demo.agencyIds.probation!],
      speakers: Array.from({ length: 5 }, (_, k) => ({ name: `Speaker ${k}`, role: "Speaker" })),
    });
    expect((await caller.intervention.byId({ id: many.id })).participants).toHaveLength(40);
    const read = (id: string) => () => caller.intervention.byId({ id });
    const counts = {
      one: await counter.statementsOf(read(one.id)),
      many: await counter.statementsOf(read(many.id)),
    };
    expect(counts.many).toBe(counts.one);
    // begin, the intervention and its three lists, the access-log row, commit.
    expect(counts.one).toBe(7);
  });
});
