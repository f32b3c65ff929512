/**
 * The groups' own procedures, against a real PostgreSQL with the demo data: the list's search
 * by name and alias, its filters and its member counts; a group's profile, its members only
 * as the actor sees the register; recording and editing a group from the version seen, a
 * name taken refused with a message; adding and ending memberships; notes on a group or a
 * conflict. Each change in the access log with the names of its fields, never their values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@truce/auth/actor";
import { desc, eq, gt, sql } from "@truce/db";
import {
  accessLog,
  alliance,
  conflict,
  conflictParty,
  group,
  groupMembership,
  incident,
  incidentParty,
  note,
} from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
  type TestIndividualOptions,
} from "@truce/db/testing";
import { callerFor, claimsFor, settle, userIdOf } from "../test-actors";
import { GROUP_PROFILE_INCIDENTS } from "../services/group/get-group-profile";
import { LOOKUP_LIMIT } from "../services/group/lookup-groups";
import { statementCounter, type StatementCounter } from "../test-statements";

let demo: DemoDatabase;
let police: SessionClaims;
let social: SessionClaims;
beforeAll(async () => {
  demo = await startDemoDatabase();
  police = await claimsFor(demo.db, "police.staff@truce.example");
  social = await claimsFor(demo.db, "social.staff@truce.example");
});
afterAll(async () => {
  await demo?.stop();
});

const as = (claims: SessionClaims) => callerFor(demo.db, claims);

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

/** A group of the test's own, under a unique name, written directly. */
async function testGroup(values: Partial<typeof group.$inferInsert> = {}) {
  const [row] = await demo.ownerDb
    .insert(group)
    .values({ name: `Test group ${uniqueTag()}`, area: `Testby ${uniqueTag()}`, ...values })
    .returning();
  return row!;
}

const person = (overrides: Partial<TestIndividualOptions> = {}) =>
  createTestIndividual(demo.ownerDb, {
    registeringAgencyId: demo.agencyIds.police!,
    ...overrides,
  });

describe("group.lookup", () => {
  it("offers a few groups by name or alias as typed, whatever the case, or one by id, with no member count", async () => {
    const tag = uniqueTag();
    const b = await testGroup({ name: `Lookupgatan B ${tag}`, aliases: [`LG${tag}`] });
    const a = await testGroup({ name: `lookupgatan A ${tag}` });
    const caller = await as(police);
    const ids = async (input: Record<string, unknown>) =>
      (await caller.group.lookup(input)).items.map((g) => g.id);
    expect(await ids({ search: tag })).toEqual([a.id, b.id]);
    expect(await ids({ search: `LOOKUPGATAN A ${tag}` })).toEqual([a.id]);
    expect(await ids({ search: `lg${tag}` })).toEqual([b.id]);
    expect(await ids({ search: `Lookupgatan%${tag}` })).toEqual([]);
    expect(await ids({ id: a.id })).toEqual([a.id]);
    expect((await caller.group.lookup({})).items).toHaveLength(LOOKUP_LIMIT);
    const [choice] = (await caller.group.lookup({ id: b.id })).items;
    expect(choice).toEqual({ id: b.id, name: b.name, area: b.area, status: "active" });
  });
});

describe("group.list", () => {
  it("finds a group by its name or an alias, whatever the case, and not by a stray wildcard", async () => {
    const tag = uniqueTag();
    const g = await testGroup({ name: `Norrbackens ${tag}`, aliases: [`NB${tag}`] });
    const caller = await as(police);
    const byName = await caller.group.list({ search: `NORRBACKENS ${tag}` });
    expect(byName.items.map((i) => i.id)).toEqual([g.id]);
    const byAlias = await caller.group.list({ search: `nb${tag}` });
    expect(byAlias.items.map((i) => i.id)).toEqual([g.id]);
    expect((await caller.group.list({ search: `%${tag}_` })).items).toEqual([]);
  });

  it("filters by status and area, and counts the members of today only, as the actor sees them", async () => {
    const area = `Filterby ${uniqueTag()}`;
    const [active, dormant] = [
      await testGroup({ area }),
      await testGroup({ area, status: "dormant" }),
    ];
    const [a, b, pendingElsewhere, left] = await Promise.all([
      person(),
      person(),
      person({
        registeringAgencyId: demo.agencyIds.probation!,
        registrationStatus: "pending",
      }),
      person(),
    ]);
    await demo.ownerDb.insert(groupMembership).values([
      { groupId: active.id, individualId: a.id, affiliation: "core", fromOn: "2020-01-01" },
      { groupId: active.id, individualId: b.id, affiliation: "member" },
      { groupId: active.id, individualId: pendingElsewhere.id, affiliation: "member" },
      {
        groupId: active.id,
        individualId: left.id,
        affiliation: "member",
        fromOn: "2019-01-01",
        toOn: "2020-01-01",
      },
    ]);
    const caller = await as(police);
    const inArea = await caller.group.list({ area });
    expect(inArea.items.map((g) => g.id).sort()).toEqual([active.id, dormant.id].sort());
    expect(inArea.areas).toContain(area);
    const onlyActive = await caller.group.list({ area, status: "active" });
    expect(onlyActive.items).toEqual([
      {
        id: active.id,
        name: active.name,
        aliases: [],
        area,
        status: "active",
        memberCount: 2,
      },
    ]);
    expect(onlyActive.total).toBe(1);
    // The probation service counts its own pending registration.
    const probation = await as(await claimsFor(demo.db, "probation.staff@truce.example"));
    const theirs = await probation.group.list({ area, status: "active" });
    expect(theirs.items[0]!.memberCount).toBe(3);
  });

  it("is refused to an admin and an auditor", async () => {
    for (const email of ["agency.admin@truce.example", "auditor@truce.example"]) {
      const caller = await callerFor(demo.db, await claimsFor(demo.db, email, "admin"));
      await expect(caller.group.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

/** A group with a member now, one before, another agency's pending one, and one of each link. */
async function groupWithEverything() {
  const db = demo.ownerDb;
  const g = await testGroup({ aliases: ["TG"], description: "Sells in the square." });
  const ally = await testGroup();
  const [now, before, pendingElsewhere] = await Promise.all([
    person(),
    person(),
    person({
      registeringAgencyId: demo.agencyIds.social_services!,
      registrationStatus: "pending",
    }),
  ]);
  await db.insert(groupMembership).values([
    {
      groupId: g.id,
      individualId: now.id,
      affiliation: "core",
      fromOn: "2021-02-01",
      source: "Police intelligence report",
    },
    {
      groupId: g.id,
      individualId: before.id,
      affiliation: "associate",
      fromOn: "2018-01-01",
      toOn: "2019-06-30",
    },
    { groupId: g.id, individualId: pendingElsewhere.id, affiliation: "member" },
  ]);
  const [c] = await db
    .insert(conflict)
    .values({ title: `Test conflict ${uniqueTag()}`, status: "escalating", riskLevel: "high" })
    .returning();
  await db.insert(conflictParty).values({ conflictId: c!.id, groupId: g.id, side: "A" });
  await db.insert(alliance).values({ groupAId: ally.id, groupBId: g.id, fromOn: "2020-01-01" });
  const [shooting] = await db
    .insert(incident)
    .values({
      kind: "shooting",
      occurredAt: new Date("2024-03-01T21:00:00Z"),
      district: "Testby",
      injured: 2,
    })
    .returning();
  await db.insert(incidentParty).values([
    { incidentId: shooting!.id, groupId: g.id, role: "suspect" },
    { incidentId: shooting!.id, groupId: g.id, role: "linked" },
  ]);
  return { g, ally, now, before, pendingElsewhere, conflict: c!, shooting: shooting! };
}

describe("group.byId", () => {
  it("shows the group, its members current first, its conflicts, alliances and incidents, and logs the read", async () => {
    const t = await groupWithEverything();
    const before = await lastLogId();
    const profile = await (await as(police)).group.byId({ id: t.g.id });
    expect(profile).toMatchObject({
      id: t.g.id,
      name: t.g.name,
      aliases: ["TG"],
      area: t.g.area,
      status: "active",
      description: "Sells in the square.",
      version: 1,
    });
    expect(profile.memberships.map((m) => [m.individualId, m.current])).toEqual([
      [t.now.id, true],
      [t.before.id, false],
    ]);
    expect(profile.memberships[0]).toMatchObject({
      givenName: t.now.givenName,
      familyName: t.now.familyName,
      affiliation: "core",
      fromOn: "2021-02-01",
      toOn: null,
      source: "Police intelligence report",
      isMinor: false,
      version: 1,
    });
    expect(profile.conflicts).toEqual([
      {
        conflictId: t.conflict.id,
        title: t.conflict.title,
        status: "escalating",
        riskLevel: "high",
        side: "A",
      },
    ]);
    expect(profile.alliances).toMatchObject([
      { groupId: t.ally.id, name: t.ally.name, fromOn: "2020-01-01", toOn: null },
    ]);
    expect(profile.incidents).toHaveLength(1);
    expect(profile.incidents[0]).toMatchObject({
      id: t.shooting.id,
      kind: "shooting",
      district: "Testby",
      dead: 0,
      injured: 2,
    });
    expect([...profile.incidents[0]!.roles].sort()).toEqual(["linked", "suspect"]);
    const [row] = await logSince(before);
    expect(row).toMatchObject({
      action: "read",
      entityType: "group",
      entityId: t.g.id,
      purpose: "case_work",
      userId: await userIdOf(demo.db, "police.staff@truce.example"),
    });
    expect(row!.detail).toEqual({
      view: "profile",
      individualIds: [t.now.id, t.before.id],
      conflictIds: [t.conflict.id],
      incidentIds: [t.shooting.id],
    });
  });

  it("never shows another agency's pending registration among the members; that agency sees it", async () => {
    const t = await groupWithEverything();
    const byPolice = await (await as(police)).group.byId({ id: t.g.id });
    expect(byPolice.memberships.map((m) => m.individualId)).not.toContain(t.pendingElsewhere.id);
    const bySocial = await (await as(social)).group.byId({ id: t.g.id });
    expect(bySocial.memberships.map((m) => m.individualId)).toContain(t.pendingElsewhere.id);
  });

  it("refuses a group that does not exist as not found, and a read without a purpose", async () => {
    const caller = await as(police);
    await expect(caller.group.byId({ id: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "apiErrors.group.notFound",
    });
    const noPurpose = await callerFor(demo.db, police, {});
    const t = await testGroup();
    await expect(noPurpose.group.byId({ id: t.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });
});

describe("group.create and group.update", () => {
  it("records a group as active by default, and logs the names of the fields written", async () => {
    const before = await lastLogId();
    const name = `Stenhagen ${uniqueTag()}`;
    const created = await (
      await as(police)
    ).group.create({ name, aliases: ["SH"], area: "Stenhagen", description: "" });
    expect(created.version).toBe(1);
    const [row] = await demo.db.select().from(group).where(eq(group.id, created.id));
    expect(row).toMatchObject({ name, aliases: ["SH"], status: "active", description: null });
    const [logged] = await logSince(before);
    expect(logged).toMatchObject({
      action: "create",
      entityType: "group",
      entityId: created.id,
      fields: ["name", "aliases", "area", "status"],
    });
  });

  it("refuses a name already taken, whatever its case, with a message, and writes nothing", async () => {
    const name = `Tallbacken ${uniqueTag()}`;
    const caller = await as(police);
    await caller.group.create({ name, area: "Tallbacken" });
    await expect(
      caller.group.create({ name: name.toUpperCase(), area: "Elsewhere" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.group.nameTaken" });
    const rows = await demo.db
      .select({ id: group.id })
      .from(group)
      .where(eq(sql`lower(${group.name})`, name.toLowerCase()));
    expect(rows).toHaveLength(1);
  });

  it("refuses bad input with BAD_REQUEST, and a case role's absence with FORBIDDEN", async () => {
    const caller = await as(police);
    expect(await settle(caller.group.create({ name: " ", area: "X" }))).toEqual({
      ok: false,
      code: "BAD_REQUEST",
    });
    const admin = await callerFor(
      demo.db,
      await claimsFor(demo.db, "platform.admin@truce.example", "admin"),
    );
    await expect(admin.group.create({ name: "Admin group", area: "X" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("changes a group from the version seen, and refuses a stale version and another's name", async () => {
    const g = await testGroup();
    const other = await testGroup();
    const caller = await as(police);
    const fields = { name: g.name, aliases: ["New"], area: g.area, status: "dormant" as const };
    const before = await lastLogId();
    const updated = await caller.group.update({ ...fields, id: g.id, version: 1 });
    expect(updated).toEqual({ id: g.id, version: 2 });
    const [logged] = await logSince(before);
    expect(logged).toMatchObject({ action: "update", entityType: "group", entityId: g.id });
    expect(logged!.fields).toEqual(["name", "aliases", "area", "status", "description"]);
    await expect(
      caller.group.update({ ...fields, id: g.id, version: 1, area: "Lost edit" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.group.stale" });
    await expect(
      caller.group.update({ ...fields, name: other.name.toLowerCase(), id: g.id, version: 2 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.group.nameTaken" });
    const [row] = await demo.db.select().from(group).where(eq(group.id, g.id));
    expect(row).toMatchObject({ status: "dormant", aliases: ["New"], area: g.area, version: 2 });
  });
});

describe("group.addMember and group.endMembership", () => {
  it("adds a member, refuses a second open membership, ends it from the version seen, and logs both", async () => {
    const g = await testGroup();
    const p = await person();
    const caller = await as(police);
    const before = await lastLogId();
    const added = await caller.group.addMember({
      groupId: g.id,
      individualId: p.id,
      affiliation: "member",
      fromOn: "2023-04-01",
      source: "Own statement",
    });
    expect(added.version).toBe(1);
    const [addedLog] = await logSince(before);
    expect(addedLog).toMatchObject({
      action: "create",
      entityType: "group_membership",
      entityId: added.id,
      fields: ["affiliation", "fromOn", "source"],
      detail: { groupId: g.id, individualId: p.id },
    });
    await expect(
      caller.group.addMember({ groupId: g.id, individualId: p.id, affiliation: "core" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.group.alreadyMember" });

    // The end is not before the start, and a stale version is refused.
    await expect(
      caller.group.endMembership({ membershipId: added.id, version: 1, toOn: "2023-03-31" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.group.endBeforeStart" });
    await expect(
      caller.group.endMembership({ membershipId: added.id, version: 2 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.group.membershipStale" });
    const beforeEnd = await lastLogId();
    const ended = await caller.group.endMembership({ membershipId: added.id, version: 1 });
    const [today] = await demo.db.execute<{ d: string }>(sql`select current_date::text as d`);
    expect(ended).toEqual({ id: added.id, toOn: today!.d, version: 2 });
    const [endLog] = await logSince(beforeEnd);
    expect(endLog).toMatchObject({
      action: "update",
      entityType: "group_membership",
      entityId: added.id,
      fields: ["toOn"],
    });
    await expect(
      caller.group.endMembership({ membershipId: added.id, version: 2 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.group.alreadyEnded" });

    // Ended, the person may join again, but not from the same day as before.
    await expect(
      caller.group.addMember({
        groupId: g.id,
        individualId: p.id,
        affiliation: "core",
        fromOn: "2023-04-01",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "apiErrors.group.sameStart" });
    const again = await caller.group.addMember({
      groupId: g.id,
      individualId: p.id,
      affiliation: "core",
    });
    const rows = await demo.db
      .select({ id: groupMembership.id, toOn: groupMembership.toOn })
      .from(groupMembership)
      .where(eq(groupMembership.groupId, g.id));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === again.id)!.toOn).toBeNull();
  });

  it("refuses a person the actor cannot see, and a membership of one, as not found", async () => {
    const g = await testGroup();
    const hidden = await person({
      registeringAgencyId: demo.agencyIds.social_services!,
      registrationStatus: "pending",
    });
    const caller = await as(police);
    await expect(
      caller.group.addMember({ groupId: g.id, individualId: hidden.id, affiliation: "member" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.individual.notFound" });
    const [theirs] = await demo.ownerDb
      .insert(groupMembership)
      .values({ groupId: g.id, individualId: hidden.id, affiliation: "member" })
      .returning({ id: groupMembership.id });
    await expect(
      caller.group.endMembership({ membershipId: theirs!.id, version: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.group.membershipNotFound" });
    await expect(
      caller.group.addMember({
        groupId: crypto.randomUUID(),
        individualId: (await person()).id,
        affiliation: "member",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.group.notFound" });
  });

  it("refuses a start in the future and an end after today as bad input", async () => {
    const g = await testGroup();
    const p = await person();
    const caller = await as(police);
    expect(
      await settle(
        caller.group.addMember({
          groupId: g.id,
          individualId: p.id,
          affiliation: "member",
          fromOn: "2999-01-01",
        }),
      ),
    ).toEqual({ ok: false, code: "BAD_REQUEST" });
  });
});

describe("notes on a group or a conflict", () => {
  it("writes a note on a group and lists it, newest first, as the actor's agency may read them", async () => {
    const g = await testGroup();
    const caller = await as(police);
    const first = await caller.note.create({
      groupId: g.id,
      body: "Seen at the square.",
      kind: "fact",
    });
    const second = await caller.note.create({
      groupId: g.id,
      body: "Likely to retaliate.",
      kind: "assessment",
      visibility: "programme",
    });
    const [written] = await demo.db.select().from(note).where(eq(note.id, first.id));
    expect(written).toMatchObject({
      groupId: g.id,
      individualId: null,
      conflictId: null,
      visibility: "agency",
      authorAgencyId: demo.agencyIds.police,
    });
    const before = await lastLogId();
    const notes = await caller.note.forGroup({ groupId: g.id });
    expect(notes.map((n) => n.id)).toEqual([second.id, first.id]);
    const [logged] = await logSince(before);
    expect(logged).toMatchObject({
      action: "read",
      entityType: "group",
      entityId: g.id,
      detail: { view: "notes", noteIds: [second.id, first.id] },
    });
    // Social services read only the one shared with the programme.
    const theirs = await (await as(social)).note.forGroup({ groupId: g.id });
    expect(theirs.map((n) => n.id)).toEqual([second.id]);
  });

  it("keeps social services' notes on a group within social services, even shared with the programme", async () => {
    const g = await testGroup();
    const theirs = await (
      await as(social)
    ).note.create({
      groupId: g.id,
      body: "Family support under way.",
      kind: "fact",
      visibility: "programme",
    });
    expect((await (await as(social)).note.forGroup({ groupId: g.id })).map((n) => n.id)).toEqual([
      theirs.id,
    ]);
    expect(await (await as(police)).note.forGroup({ groupId: g.id })).toEqual([]);
  });

  it("writes and lists notes on a conflict, logged as a read of the conflict", async () => {
    const [c] = await demo.ownerDb
      .insert(conflict)
      .values({ title: `Note conflict ${uniqueTag()}` })
      .returning({ id: conflict.id });
    const caller = await as(police);
    const created = await caller.note.create({
      conflictId: c!.id,
      body: "Mediation offered.",
      kind: "fact",
      visibility: "programme",
    });
    const before = await lastLogId();
    const notes = await caller.note.forConflict({ conflictId: c!.id });
    expect(notes).toMatchObject([
      { id: created.id, conflictId: c!.id, body: "Mediation offered." },
    ]);
    const [logged] = await logSince(before);
    expect(logged).toMatchObject({ entityType: "conflict", entityId: c!.id, action: "read" });
    await expect(
      caller.note.forConflict({ conflictId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.conflict.notFound" });
  });

  it("refuses a note on no subject or on two, and keeps the person's note working", async () => {
    const g = await testGroup();
    const p = await person();
    const caller = await as(police);
    expect(await settle(caller.note.create({ body: "On nothing.", kind: "fact" }))).toEqual({
      ok: false,
      code: "BAD_REQUEST",
    });
    expect(
      await settle(
        caller.note.create({ individualId: p.id, groupId: g.id, body: "Both.", kind: "fact" }),
      ),
    ).toEqual({ ok: false, code: "BAD_REQUEST" });
    const onPerson = await caller.note.create({ individualId: p.id, body: "Still.", kind: "fact" });
    const [row] = await demo.db.select().from(note).where(eq(note.id, onPerson.id));
    expect(row).toMatchObject({ individualId: p.id, groupId: null });
    await expect(
      caller.note.create({ groupId: crypto.randomUUID(), body: "Nowhere.", kind: "fact" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.group.notFound" });
  });
});

describe("the statements of a group's profile", () => {
  let counter: StatementCounter;
  beforeAll(() => {
    counter = statementCounter(demo.appUrl);
  });
  afterAll(async () => {
    await counter?.close();
  });
  const statementsOf = (read: () => Promise<unknown>) => counter.statementsOf(read);

  it("are as many for a group with one member as for one with 40 and many links", async () => {
    const few = await testGroup();
    await demo.ownerDb
      .insert(groupMembership)
      .values({ groupId: few.id, individualId: (await person()).id, affiliation: "member" });
    const many = await testGroup();
    const people = await Promise.all(Array.from({ length: 40 }, () => person()));
    await demo.ownerDb.insert(groupMembership).values(
      people.map((p, k) => ({
        groupId: many.id,
        individualId: p.id,
        affiliation: "member" as const,
        toOn: k % 2 === 0 ? null : "2020-01-01",
      })),
    );
    const conflicts = await demo.ownerDb
      .insert(conflict)
      .values(Array.from({ length: 10 }, (_, k) => ({ title: `Many ${uniqueTag()} ${k}` })))
      .returning({ id: conflict.id });
    await demo.ownerDb
      .insert(conflictParty)
      .values(conflicts.map((c) => ({ conflictId: c.id, groupId: many.id, side: "A" })));
    const allies = await Promise.all(Array.from({ length: 5 }, () => testGroup()));
    await demo.ownerDb
      .insert(alliance)
      .values(allies.map((a) => ({ groupAId: many.id, groupBId: a.id })));
    // More incidents than the profile lists: the latest are shown, and how many there are.
    const incidents = await demo.ownerDb
      .insert(incident)
      .values(
        Array.from({ length: GROUP_PROFILE_INCIDENTS + 5 }, (_, k) => ({
          kind: "shooting" as const,
          occurredAt: new Date(Date.UTC(2023, 0, 1 + k, 21)),
          district: "Testby",
        })),
      )
      .returning({ id: incident.id, occurredAt: incident.occurredAt });
    await demo.ownerDb
      .insert(incidentParty)
      .values(
        incidents.map((i) => ({ incidentId: i.id, groupId: many.id, role: "suspect" as const })),
      );
    const caller = await callerFor(counter.db, police);
    const read = (id: string) => () => caller.group.byId({ id });
    const manyProfile = await caller.group.byId({ id: many.id });
    expect(manyProfile.memberships).toHaveLength(40);
    expect(manyProfile.conflicts).toHaveLength(10);
    expect(manyProfile.alliances).toHaveLength(5);
    expect(manyProfile.incidents).toHaveLength(GROUP_PROFILE_INCIDENTS);
    expect(manyProfile.incidentsTotal).toBe(GROUP_PROFILE_INCIDENTS + 5);
    // The latest first: the five oldest are the ones left out.
    const newest = [...incidents].sort((a, b) => +b.occurredAt - +a.occurredAt);
    expect(manyProfile.incidents.map((i) => i.id)).toEqual(
      newest.slice(0, GROUP_PROFILE_INCIDENTS).map((i) => i.id),
    );
    const counts = {
      few: await statementsOf(read(few.id)),
      many: await statementsOf(read(many.id)),
    };
    expect(counts.many).toBe(counts.few);
    // begin, the group, its four lists, the access-log row (with the lock on the end of its
    // chain), commit.
    expect(counts.few).toBe(8);
  });

  it("of the list are as many whatever the page holds", async () => {
    const caller = await callerFor(counter.db, police);
    const counts = {
      empty: await statementsOf(() => caller.group.list({ search: `none ${uniqueTag()}` })),
      full: await statementsOf(() => caller.group.list({ pageSize: 100 })),
    };
    expect(counts.full).toBe(counts.empty);
    expect(counts.full).toBe(3);
  });
});
