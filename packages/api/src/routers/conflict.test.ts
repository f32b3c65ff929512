/**
 * The conflicts' procedures, against a real PostgreSQL with the demo data: the list (filtered
 * by status and risk, searched by title, the most dangerous first, with its parties' names),
 * the profile (parties by side, incidents, interventions with their details only where the
 * actor may read them, the history newest first with who and when, and the read logged),
 * recording a conflict with its first history row, editing it and changing its status or risk
 * from the version seen, each change with its row of the history in the same transaction;
 * another agency's pending registration never a party anyone else sees or may name.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@truce/auth/actor";
import { desc, eq, gt, sql, type Db } from "@truce/db";
import {
  accessLog,
  conflict,
  conflictChange,
  conflictParty,
  group,
  incident,
  intervention,
} from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import { setConflictStatus } from "../services/conflict/update-conflict";
import { LOOKUP_LIMIT } from "../services/group/lookup-groups";
import { callerFor, claimsFor, userIdOf } from "../test-actors";
import { statementCounter, type StatementCounter } from "../test-statements";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const POLICE = "police.staff@truce.example";
const as = async (email: string, db: Db = demo.db) => callerFor(db, await claimsFor(db, email));

async function lastLogId(): Promise<number> {
  const [row] = await demo.db
    .select({ id: sql<number>`coalesce(max(${accessLog.id}), 0)::int` })
    .from(accessLog);
  return row!.id;
}

async function logSince(afterId: number) {
  return demo.db.select().from(accessLog).where(gt(accessLog.id, afterId)).orderBy(accessLog.id);
}

/** Two groups of the test's own. */
async function twoGroups(): Promise<[string, string]> {
  const tag = uniqueTag();
  const rows = await demo.ownerDb
    .insert(group)
    .values([
      { name: `Norra ${tag}`, area: "Testby" },
      { name: `Södra ${tag}`, area: "Testby" },
    ])
    .returning({ id: group.id });
  return [rows[0]!.id, rows[1]!.id];
}

/** A conflict between two new groups, recorded through the procedure, as the police. */
async function recordConflict(overrides: Record<string, unknown> = {}) {
  const [a, b] = await twoGroups();
  const caller = await as(POLICE);
  const input = {
    title: `Testby feud ${uniqueTag()}`,
    status: "active" as const,
    riskLevel: "high" as const,
    startedOn: "2024-03-01",
    description: "Shots fired between the two groups' areas.",
    parties: [
      { kind: "group" as const, id: a, side: "North" },
      { kind: "group" as const, id: b, side: "South" },
    ],
    ...overrides,
  };
  const created = await caller.conflict.create(input);
  return { ...created, groupIds: [a, b] as const, input };
}

async function historyOf(conflictId: string) {
  return demo.db
    .select()
    .from(conflictChange)
    .where(eq(conflictChange.conflictId, conflictId))
    .orderBy(desc(conflictChange.changedAt), desc(conflictChange.id));
}

describe("conflict.create", () => {
  it("records the conflict, its parties by side and the first row of its history, as the actor's agency", async () => {
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      registrationStatus: "approved",
    });
    const [a, b] = await twoGroups();
    const caller = await as(POLICE);
    const before = await lastLogId();
    const { id, version } = await caller.conflict.create({
      title: `Testby feud ${uniqueTag()}`,
      status: "escalating",
      riskLevel: "critical",
      parties: [
        { kind: "group", id: a, side: "A" },
        { kind: "group", id: b, side: "B" },
        { kind: "individual", id: person.id, side: "B" },
      ],
    });
    const groupIds = [a, b];
    expect(version).toBe(1);
    const [row] = await demo.db.select().from(conflict).where(eq(conflict.id, id));
    expect(row).toMatchObject({ status: "escalating", riskLevel: "critical", resolvedOn: null });
    const parties = await demo.db
      .select({
        groupId: conflictParty.groupId,
        individualId: conflictParty.individualId,
        side: conflictParty.side,
      })
      .from(conflictParty)
      .where(eq(conflictParty.conflictId, id));
    expect(parties).toEqual(
      expect.arrayContaining([
        { groupId: groupIds[0], individualId: null, side: "A" },
        { groupId: groupIds[1], individualId: null, side: "B" },
        { groupId: null, individualId: person.id, side: "B" },
      ]),
    );
    const police = await userIdOf(demo.db, POLICE);
    expect(await historyOf(id)).toEqual([
      expect.objectContaining({
        status: "escalating",
        riskLevel: "critical",
        previousStatus: null,
        previousRiskLevel: null,
        changedById: police,
        changedByAgencyId: demo.agencyIds.police,
        reason: null,
      }),
    ]);
    const logged = (await logSince(before)).filter((r) => r.entityId === id);
    expect(logged).toEqual([
      expect.objectContaining({
        action: "create",
        entityType: "conflict",
        fields: ["title", "status", "riskLevel", "parties"],
      }),
    ]);
  });

  it("refuses another agency's pending registration as a party, as no such person, and records nothing", async () => {
    const pending = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.probation!,
      registrationStatus: "pending",
    });
    const [a] = await twoGroups();
    const title = `Hidden party ${uniqueTag()}`;
    const caller = await as(POLICE);
    await expect(
      caller.conflict.create({
        title,
        status: "active",
        riskLevel: "medium",
        parties: [
          { kind: "group", id: a, side: "A" },
          { kind: "individual", id: pending.id, side: "B" },
        ],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.individual.notFound" });
    expect(await demo.db.select().from(conflict).where(eq(conflict.title, title))).toEqual([]);
    // The probation service, which registered them, may name them.
    const probation = await as("probation.staff@truce.example");
    await expect(
      probation.conflict.create({
        title,
        status: "active",
        riskLevel: "medium",
        parties: [
          { kind: "group", id: a, side: "A" },
          { kind: "individual", id: pending.id, side: "B" },
        ],
      }),
    ).resolves.toMatchObject({ version: 1 });
  });

  it("refuses a group that is not recorded, one party, two on one side, and roles without case work", async () => {
    const [a, b] = await twoGroups();
    const caller = await as(POLICE);
    const base = { title: `Refused ${uniqueTag()}`, status: "active", riskLevel: "low" } as const;
    await expect(
      caller.conflict.create({
        ...base,
        parties: [
          { kind: "group", id: a, side: "A" },
          { kind: "group", id: crypto.randomUUID(), side: "B" },
        ],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.conflict.groupNotFound" });
    await expect(
      caller.conflict.create({ ...base, parties: [{ kind: "group", id: a, side: "A" }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.conflict.create({
        ...base,
        parties: [
          { kind: "group", id: a, side: "A" },
          { kind: "group", id: b, side: "a" },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const parties = [
      { kind: "group" as const, id: a, side: "A" },
      { kind: "group" as const, id: b, side: "B" },
    ];
    for (const email of ["agency.admin@truce.example", "auditor@truce.example"]) {
      const other = await callerFor(demo.db, await claimsFor(demo.db, email, "admin"));
      await expect(other.conflict.create({ ...base, parties })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await demo.db.select().from(conflict).where(eq(conflict.title, base.title))).toEqual([]);
  });
});

describe("conflict.list", () => {
  it("filters by one status or several and by risk, and searches titles for the text and words like it", async () => {
    const tag = uniqueTag();
    const one = await recordConflict({ title: `Kvarnby ${tag} escalation`, status: "escalating" });
    const two = await recordConflict({ title: `Kvarnby ${tag} latent`, status: "latent" });
    const three = await recordConflict({
      title: `Kvarnby ${tag} mediated`,
      status: "mediated",
      riskLevel: "low",
    });
    const caller = await as(POLICE);
    const ids = async (filters: Record<string, unknown>) =>
      (await caller.conflict.list({ search: `Kvarnby ${tag}`, ...filters })).items
        .map((c) => c.id)
        .sort();
    expect(await ids({})).toEqual([one.id, two.id, three.id].sort());
    expect(await ids({ status: ["escalating"] })).toEqual([one.id]);
    expect(await ids({ status: ["escalating", "mediated"] })).toEqual([one.id, three.id].sort());
    expect(await ids({ riskLevel: "low" })).toEqual([three.id]);
    expect(await ids({ status: ["latent"], riskLevel: "low" })).toEqual([]);
    // A word like the one typed (a missing letter) finds it too.
    const similar = await caller.conflict.list({ search: `Kvarnb ${tag}` });
    expect(similar.items.map((c) => c.id)).toEqual(expect.arrayContaining([one.id]));
  });

  it("sorts the most dangerous first, then the latest started, with its groups' names by side", async () => {
    const caller = await as(POLICE);
    const page = await caller.conflict.list({ pageSize: 100 });
    const rank = ["low", "medium", "high", "critical"];
    const keys = page.items.map((c) => [rank.indexOf(c.riskLevel), c.startedOn ?? ""] as const);
    for (let i = 1; i < keys.length; i++) {
      const [risk, started] = keys[i]!;
      const [riskBefore, startedBefore] = keys[i - 1]!;
      expect(risk <= riskBefore).toBe(true);
      if (risk === riskBefore && started !== "") expect(started <= startedBefore).toBe(true);
    }
    const demoConflict = page.items.find((c) => c.title === "Granängen Boys vs Kajen Crew")!;
    expect(demoConflict.parties.filter((p) => p.kind === "group").map((p) => p.name)).toEqual(
      expect.arrayContaining(["Granängen Boys", "Kajen Crew"]),
    );
  });

  it("names another agency's pending registration among the parties only to that agency", async () => {
    const pending = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.probation!,
      registrationStatus: "pending",
    });
    const { id } = await recordConflict();
    await demo.ownerDb
      .insert(conflictParty)
      .values({ conflictId: id, individualId: pending.id, side: "North" });
    const partiesFor = async (email: string) => {
      const caller = await as(email);
      const [found] = (await caller.conflict.list({ search: await titleOf(id) })).items.filter(
        (c) => c.id === id,
      );
      return found!.parties.map((p) => p.id);
    };
    expect(await partiesFor(POLICE)).not.toContain(pending.id);
    expect(await partiesFor("social.staff@truce.example")).not.toContain(pending.id);
    expect(await partiesFor("probation.staff@truce.example")).toContain(pending.id);
  });
});

async function titleOf(id: string): Promise<string> {
  const [row] = await demo.db
    .select({ title: conflict.title })
    .from(conflict)
    .where(eq(conflict.id, id));
  return row!.title;
}

describe("conflict.lookup", () => {
  it("offers a few conflicts by title as typed, words like it too, the open ones only if asked, or one by id", async () => {
    const tag = uniqueTag();
    const open = await recordConflict({ title: `Lookupby ${tag} b-feud` });
    const resolved = await recordConflict({ title: `Lookupby ${tag} a-feud` });
    const caller = await as(POLICE);
    await caller.conflict.setStatus({ id: resolved.id, version: 1, status: "resolved" });
    const titles = async (input: Record<string, unknown>) =>
      (await caller.conflict.lookup(input)).items.map((c) => c.title);
    expect(await titles({ search: `Lookupby ${tag}` })).toEqual([
      `Lookupby ${tag} a-feud`,
      `Lookupby ${tag} b-feud`,
    ]);
    expect(await titles({ search: `Lookupby ${tag}`, open: true })).toEqual([
      `Lookupby ${tag} b-feud`,
    ]);
    expect(await titles({ search: `Lokupby ${tag}` })).toHaveLength(2);
    expect(await titles({ id: open.id })).toEqual([`Lookupby ${tag} b-feud`]);
    expect(await titles({ id: resolved.id, open: true })).toEqual([]);
    expect(await titles({ search: `Lookupby ${tag}`, id: open.id })).toHaveLength(1);
    // Nothing typed: the first few by title, never the whole table.
    expect((await titles({})).length).toBe(LOOKUP_LIMIT);
    const [choice] = (await caller.conflict.lookup({ id: open.id })).items;
    expect(Object.keys(choice!).sort()).toEqual(["id", "riskLevel", "status", "title"]);
  });
});

describe("conflict.byId", () => {
  it("shows the parties, incidents, interventions (details where readable) and the history with who and when, and logs the read", async () => {
    const { id } = await recordConflict();
    const caller = await as(POLICE);
    const [before] = await demo.db
      .select({ version: conflict.version })
      .from(conflict)
      .where(eq(conflict.id, id));
    await caller.conflict.setStatus({
      id,
      version: before!.version,
      status: "escalating",
      reason: "A shooting at the North side's meeting place.",
    });
    await demo.ownerDb.insert(incident).values({
      kind: "shooting",
      occurredAt: new Date("2024-04-02T22:00:00Z"),
      district: "Testby",
      injured: 2,
      conflictId: id,
    });
    const social = demo.agencyIds.social_services!;
    await demo.ownerDb.insert(intervention).values([
      {
        kind: "mediation",
        leadAgencyId: demo.agencyIds.exit_programme!,
        occurredAt: new Date("2024-04-10T10:00:00Z"),
        status: "done",
        visibility: "programme",
        summary: `Both sides met ${uniqueTag()}.`,
        conflictId: id,
      },
      {
        kind: "home_visit",
        leadAgencyId: social,
        occurredAt: new Date("2024-04-11T10:00:00Z"),
        status: "done",
        visibility: "agency",
        summary: `Kept within social services ${uniqueTag()}.`,
        conflictId: id,
      },
    ]);
    const logBefore = await lastLogId();
    const profile = await caller.conflict.byId({ id });
    expect(profile).toMatchObject({ id, status: "escalating", riskLevel: "high", version: 2 });
    expect(profile.parties.map((p) => p.side).sort()).toEqual(["North", "South"]);
    expect(profile.incidents).toEqual([
      expect.objectContaining({ kind: "shooting", district: "Testby", dead: 0, injured: 2 }),
    ]);
    expect(profile.incidentsTotal).toBe(1);
    const [socialVisit, mediation] = profile.interventions;
    expect(socialVisit).toMatchObject({ kind: "home_visit", detailsVisible: false, summary: null });
    expect(mediation).toMatchObject({ kind: "mediation", detailsVisible: true });
    expect(mediation!.summary).toMatch(/^Both sides met/);
    expect(profile.history).toEqual([
      expect.objectContaining({
        status: "escalating",
        previousStatus: "active",
        riskLevel: "high",
        previousRiskLevel: "high",
        reason: "A shooting at the North side's meeting place.",
        changedByName: expect.any(String),
        changedByAgencyName: "Malmvik Police",
      }),
      expect.objectContaining({ status: "active", previousStatus: null, reason: null }),
    ]);
    const logged = await logSince(logBefore);
    expect(logged).toEqual([
      expect.objectContaining({
        action: "read",
        entityType: "conflict",
        entityId: id,
        purpose: "case_work",
      }),
    ]);
    // Social services read their own visit's details.
    const socialCaller = await as("social.staff@truce.example");
    const theirs = await socialCaller.conflict.byId({ id });
    expect(theirs.interventions.find((i) => i.kind === "home_visit")).toMatchObject({
      detailsVisible: true,
    });
  });

  it("refuses a read without the session's purpose, and a conflict that is not recorded", async () => {
    const { id } = await recordConflict();
    const noPurpose = await callerFor(demo.db, await claimsFor(demo.db, POLICE), {});
    await expect(noPurpose.conflict.byId({ id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const caller = await as(POLICE);
    await expect(caller.conflict.byId({ id: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "apiErrors.conflict.notFound",
    });
  });
});

describe("conflict.update", () => {
  it("changes the record from the version seen, and refuses a stale edit, changing nothing", async () => {
    const { id } = await recordConflict();
    const caller = await as(POLICE);
    const before = await lastLogId();
    const edit = {
      id,
      title: `Renamed ${uniqueTag()}`,
      startedOn: "2024-02-01",
      description: null,
    };
    expect(await caller.conflict.update({ ...edit, version: 1 })).toEqual({ id, version: 2 });
    const [row] = await demo.db.select().from(conflict).where(eq(conflict.id, id));
    expect(row).toMatchObject({ title: edit.title, startedOn: "2024-02-01", description: null });
    await expect(
      caller.conflict.update({ ...edit, title: "Overwritten", version: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.conflict.stale" });
    expect((await titleOf(id)) === edit.title).toBe(true);
    const logged = (await logSince(before)).filter((r) => r.entityId === id);
    expect(logged).toEqual([
      expect.objectContaining({
        action: "update",
        entityType: "conflict",
        fields: ["title", "startedOn", "description"],
      }),
    ]);
  });

  it("refuses a start after the day the conflict was resolved", async () => {
    const { id } = await recordConflict({ status: "resolved" });
    const [row] = await demo.db.select().from(conflict).where(eq(conflict.id, id));
    expect(row!.resolvedOn).not.toBeNull();
    const caller = await as(POLICE);
    // A day after it was resolved; the schema refuses a day after today by itself.
    await demo.ownerDb
      .update(conflict)
      .set({ resolvedOn: "2024-05-01", startedOn: "2024-01-01" })
      .where(eq(conflict.id, id));
    await expect(
      caller.conflict.update({ id, version: 1, title: row!.title, startedOn: "2024-06-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "apiErrors.conflict.startedAfterResolved",
    });
  });
});

describe("conflict.setStatus", () => {
  it("writes each change to the history with what it was, who, as which agency, and why; resolving sets the day", async () => {
    const { id } = await recordConflict();
    const caller = await as("police.manager@truce.example");
    const before = await lastLogId();
    const escalated = await caller.conflict.setStatus({
      id,
      version: 1,
      status: "escalating",
      riskLevel: "critical",
      reason: "Retaliation expected after last night.",
    });
    expect(escalated).toEqual({
      id,
      status: "escalating",
      riskLevel: "critical",
      resolvedOn: null,
      version: 2,
    });
    const risk = await caller.conflict.setStatus({ id, version: 2, riskLevel: "medium" });
    expect(risk).toMatchObject({ status: "escalating", riskLevel: "medium", version: 3 });
    const resolved = await caller.conflict.setStatus({ id, version: 3, status: "resolved" });
    const [today] = await demo.db.execute<{ d: string }>(sql`select current_date::text as d`);
    expect(resolved).toMatchObject({ status: "resolved", resolvedOn: today!.d, version: 4 });
    const reopened = await caller.conflict.setStatus({ id, version: 4, status: "latent" });
    expect(reopened).toMatchObject({ status: "latent", resolvedOn: null, version: 5 });

    const manager = await userIdOf(demo.db, "police.manager@truce.example");
    const history = await historyOf(id);
    expect(
      history.map((h) => [h.previousStatus, h.status, h.previousRiskLevel, h.riskLevel]),
    ).toEqual([
      ["resolved", "latent", "medium", "medium"],
      ["escalating", "resolved", "medium", "medium"],
      ["escalating", "escalating", "critical", "medium"],
      ["active", "escalating", "high", "critical"],
      [null, "active", null, "high"],
    ]);
    expect(history[3]).toMatchObject({
      changedById: manager,
      changedByAgencyId: demo.agencyIds.police,
      reason: "Retaliation expected after last night.",
    });
    const logged = (await logSince(before)).filter((r) => r.entityId === id);
    expect(logged.map((r) => r.fields)).toEqual([
      ["status", "riskLevel", "reason"],
      ["riskLevel"],
      ["status", "resolvedOn"],
      ["status", "resolvedOn"],
    ]);
  });

  it("refuses a stale change, and one to what it already is, writing no history", async () => {
    const { id } = await recordConflict();
    const caller = await as(POLICE);
    await caller.conflict.setStatus({ id, version: 1, status: "escalating" });
    await expect(
      caller.conflict.setStatus({
        id,
        version: 1,
        status: "mediated",
        reason: "Met the mediators.",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.conflict.stale" });
    await expect(
      caller.conflict.setStatus({ id, version: 2, status: "escalating", riskLevel: "high" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.conflict.unchanged" });
    await expect(
      caller.conflict.setStatus({ id, version: 2, reason: "Nothing chosen." }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await historyOf(id)).map((h) => h.status)).toEqual(["escalating", "active"]);
  });

  it("writes the history row in the change's own transaction: a change undone leaves none", async () => {
    const { id } = await recordConflict();
    const actor = await loadActor(demo.db, await claimsFor(demo.db, POLICE));
    class Undo extends Error {}
    await expect(
      demo.db.transaction(async (tx) => {
        await setConflictStatus(
          { db: tx, actor: actor!, purpose: "case_work" },
          { id, version: 1, status: "mediated", reason: "Undone with what followed." },
        );
        throw new Undo();
      }),
    ).rejects.toBeInstanceOf(Undo);
    const [row] = await demo.db.select().from(conflict).where(eq(conflict.id, id));
    expect(row).toMatchObject({ status: "active", version: 1 });
    expect((await historyOf(id)).map((h) => h.status)).toEqual(["active"]);
  });
});

describe("the statements of the conflicts' reads", () => {
  let counter: StatementCounter;
  beforeAll(() => {
    counter = statementCounter(demo.appUrl);
  });
  afterAll(async () => {
    await counter?.close();
  });
  const statementsOf = (read: () => Promise<unknown>) => counter.statementsOf(read);
  const counting = () => counter.db;

  it("of a profile are as many for a conflict with 1 incident as for one with 150, and a long history", async () => {
    const few = await recordConflict();
    const many = await recordConflict();
    await demo.ownerDb.insert(incident).values(
      Array.from({ length: 150 }, (_, k) => ({
        kind: "shooting" as const,
        occurredAt: new Date(Date.UTC(2023, 0, 1 + k, 21)),
        district: "Testby",
        conflictId: many.id,
      })),
    );
    await demo.ownerDb.insert(incident).values({
      kind: "threat",
      occurredAt: new Date("2024-01-01T12:00:00Z"),
      district: "Testby",
      conflictId: few.id,
    });
    const caller = await as(POLICE, counting());
    for (let version = 1; version <= 10; version++) {
      await caller.conflict.setStatus({
        id: many.id,
        version,
        riskLevel: version % 2 ? "critical" : "high",
      });
    }
    const counts = {
      few: await statementsOf(() => caller.conflict.byId({ id: few.id })),
      many: await statementsOf(() => caller.conflict.byId({ id: many.id })),
    };
    expect(counts.many).toBe(counts.few);
    // begin, the record, then its parties, incidents, interventions and history at once, the
    // log row, commit: whatever the conflict holds.
    expect(counts.few).toBe(8);
    const profile = await caller.conflict.byId({ id: many.id });
    expect(profile.incidents).toHaveLength(100);
    expect(profile.incidentsTotal).toBe(150);
    expect(profile.history).toHaveLength(11);
  });

  it("of the list are three whatever the page holds", async () => {
    const caller = await as(POLICE, counting());
    const tag = uniqueTag();
    await recordConflict({ title: `Counted ${tag}` });
    const counts = {
      one: await statementsOf(() => caller.conflict.list({ search: `Counted ${tag}` })),
      full: await statementsOf(() => caller.conflict.list({ pageSize: 100 })),
    };
    expect(counts.full).toBe(counts.one);
    expect(counts.one).toBe(3);
    const none = await statementsOf(() => caller.conflict.list({ search: `None ${uniqueTag()}` }));
    expect(none).toBeLessThanOrEqual(3);
  });
});
