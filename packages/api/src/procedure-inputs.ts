// Test support: a valid input for every procedure of both apps' routers, against the demo data.
// The authorization matrix (who may call) and the case-content test (what a call returns
// and writes to the access log) call the procedures with these same inputs.
import { and, eq, exists, isNotNull, isNull, ne, or, sql, type Db } from "@truce/db";
import {
  agency,
  alliance,
  conflict,
  conflictChange,
  conflictParty,
  group,
  groupMembership,
  incident,
  incidentParty,
  individual,
  intervention,
  interventionParticipant,
  membership,
  note,
  platformSetting,
  referral,
  user,
} from "@truce/db/schema";
import type { AnyTRPCProcedure } from "@trpc/server";
import type { TruceApp } from "@truce/auth/actor";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { appRouters } from "./root";
import { SETTING_COLUMNS, SETTING_ID } from "./services/platform-setting/get-platform-setting";

/** What the inputs refer to: demo rows, and a member of the police for admins to act on. */
export interface ProcedureFixtures {
  db: Db;
  /** An approved person everyone in the programme sees, with content shared with them all. */
  individualId: string;
  /** A police note kept within the police. */
  policeAgencyNoteId: string;
  /** A note on the person (`individualId`) kept within the probation service. */
  probationAgencyNoteId: string;
  /** An open referral of the person from the police to the exit programme, with a note. */
  policeExitReferralId: string;
  /**
   * A group with current members, a conflict, an alliance, an incident and a police note
   * shared with the programme; one of its members is a registration of the probation service
   * still pending, which only the probation service may see.
   */
  groupId: string;
  /** The probation service's pending registration who is a member of the group (`groupId`). */
  probationPendingMemberId: string;
  /** A conflict with a note that the programme may read (not social services'). */
  conflictId: string;
  /**
   * A conflict of two groups, the person (`individualId`) and the probation service's pending
   * registration (`probationPendingMemberId`) as parties; with an incident, an intervention of
   * the police whose summary the programme reads, one of the probation service kept within
   * it, and its history.
   */
  partiesConflictId: string;
  /** The two groups on the sides of that conflict. */
  partiesConflictGroupIds: [string, string];
  /**
   * An incident with the person (`individualId`), the probation service's pending registration
   * (`probationPendingMemberId`) and the group (`groupId`) as parties.
   */
  incidentId: string;
  targetUserId: string;
  targetMembershipId: string;
}

/** Every procedure each app serves: the app, its path ("note.byId") and its type. */
export const APP_PROCEDURES = (Object.keys(appRouters) as TruceApp[]).flatMap((app) => {
  const procedures: Record<string, unknown> = appRouters[app]._def.procedures;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({ app, path, type: (procedure as AnyTRPCProcedure)._def.type }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
});

/** The paths of each app's procedures, sorted. */
export const APP_PROCEDURE_PATHS: Record<TruceApp, string[]> = {
  web: APP_PROCEDURES.filter((p) => p.app === "web").map((p) => p.path),
  admin: APP_PROCEDURES.filter((p) => p.app === "admin").map((p) => p.path),
};

/** Every procedure of either app, once (`session.me` is in both). */
export const PROCEDURE_PATHS = [...new Set(APP_PROCEDURES.map((p) => p.path))].sort();

/** The app that serves a procedure: the web app for one that both serve. */
export function appServing(path: string): TruceApp {
  return APP_PROCEDURE_PATHS.web.includes(path) ? "web" : "admin";
}

export const PROCEDURE_INPUTS: Record<
  string,
  (f: ProcedureFixtures) => Promise<unknown> | unknown
> = {
  "health.check": () => undefined,
  "session.me": () => undefined,
  "individual.list": () => ({}),
  "individual.byId": (f) => ({ id: f.individualId }),
  "individual.timeline": (f) => ({ individualId: f.individualId, limit: 50 }),
  "individual.connections": (f) => ({ individualId: f.individualId }),
  "individual.formOptions": () => undefined,
  "incident.list": () => ({ district: "Matrix district" }),
  "incident.byId": (f) => ({ id: f.incidentId }),
  "incident.formOptions": () => undefined,
  "incident.create": (f) => ({
    kind: "stabbing",
    occurredAt: new Date("2026-04-01T18:00:00Z"),
    district: "Matrix district",
    injured: 1,
    summary: "Matrix test incident.",
    parties: [
      { individualId: f.individualId, role: "victim" },
      { groupId: f.groupId, role: "linked" },
    ],
  }),
  "incident.review": async (f) => {
    const [row] = await f.db
      .select({ version: incident.version })
      .from(incident)
      .where(eq(incident.id, f.incidentId));
    return { id: f.incidentId, version: row!.version, groupInvolvement: "likely" };
  },
  "individual.likelyDuplicates": () => ({ givenName: "Matrix", familyName: "Registration" }),
  "individual.create": () => ({
    givenName: "Matrix",
    familyName: `Registration ${crypto.randomUUID().slice(0, 8)}`,
    district: "Matrix district",
    riskLevel: "medium",
    supervision: "none",
    category: "associate",
    registrationReason: "Matrix test: seen with a group's core members.",
  }),
  // The fixture person's record as it is: the update changes nothing but the version.
  "individual.update": async (f) => {
    const [row] = await f.db
      .select({
        id: individual.id,
        version: individual.version,
        givenName: individual.givenName,
        familyName: individual.familyName,
        aliases: individual.aliases,
        dateOfBirth: individual.dateOfBirth,
        nationalId: individual.nationalId,
        district: individual.district,
        riskLevel: individual.riskLevel,
        supervision: individual.supervision,
        category: individual.category,
        registrationReason: individual.registrationReason,
      })
      .from(individual)
      .where(eq(individual.id, f.individualId));
    return row;
  },
  "individual.setStatus": async (f) => {
    const [row] = await f.db
      .select({ id: individual.id, version: individual.version, status: individual.status })
      .from(individual)
      .where(eq(individual.id, f.individualId));
    return row;
  },
  "note.forIndividual": (f) => ({ individualId: f.individualId }),
  // An outcome that leaves the status: every actor's call records one from the same version.
  "outcome.create": async (f) => ({
    individualId: f.individualId,
    version: (
      await f.db
        .select({ version: individual.version })
        .from(individual)
        .where(eq(individual.id, f.individualId))
    )[0]!.version,
    kind: "employed",
    occurredAt: "2026-03-02",
    note: "Matrix test outcome.",
  }),
  "start.overview": () => undefined,
  "note.byId": (f) => ({ id: f.policeAgencyNoteId }),
  "note.create": (f) => ({
    individualId: f.individualId,
    body: "Matrix test note.",
    kind: "fact",
  }),
  "intervention.forIndividual": (f) => ({ individualId: f.individualId }),
  // A programme intervention with the person of an agency other than social services (the
  // fixture person has one), whose details every agency reads.
  "intervention.byId": async (f) => {
    const [row] = await f.db
      .select({ id: intervention.id })
      .from(intervention)
      .innerJoin(
        interventionParticipant,
        eq(interventionParticipant.interventionId, intervention.id),
      )
      .innerJoin(agency, eq(agency.id, intervention.leadAgencyId))
      .where(
        and(
          eq(interventionParticipant.individualId, f.individualId),
          eq(intervention.visibility, "programme"),
          ne(agency.kind, "social_services"),
          isNotNull(intervention.summary),
        ),
      )
      .orderBy(intervention.id)
      .limit(1);
    return { id: row!.id };
  },
  "intervention.formOptions": () => undefined,
  // About a person of its own each time, so no other row's list of interventions changes.
  "intervention.create": async (f) => ({
    kind: "call_in",
    status: "done",
    occurredAt: new Date("2026-04-02T17:00:00Z"),
    summary: "Matrix test call-in.",
    message: "Matrix test: the violence stops now.",
    participants: [{ individualId: await freshPerson(f), response: "attended" }],
    speakers: [{ name: "Matrix Speaker", role: "Chief of police" }],
  }),
  // A planned police call-in with a person, both of its own each time, marked done.
  "intervention.update": async (f) => {
    const personId = await freshPerson(f);
    const [police] = await f.db
      .select({ id: agency.id })
      .from(agency)
      .where(eq(agency.kind, "police"));
    const [row] = await f.db
      .insert(intervention)
      .values({
        kind: "call_in",
        leadAgencyId: police!.id,
        occurredAt: new Date("2026-04-03T17:00:00Z"),
        status: "planned",
      })
      .returning({ id: intervention.id, version: intervention.version });
    await f.db
      .insert(interventionParticipant)
      .values({ interventionId: row!.id, individualId: personId });
    return {
      id: row!.id,
      version: row!.version,
      status: "done",
      occurredAt: new Date("2026-04-03T17:00:00Z"),
      summary: "Matrix test: the call-in was held.",
      visibility: "agency",
      responses: [{ individualId: personId, response: "attended" }],
    };
  },
  "note.forGroup": (f) => ({ groupId: f.groupId }),
  "note.forConflict": (f) => ({ conflictId: f.conflictId }),
  "group.list": () => ({ pageSize: 100 }),
  "group.lookup": (f) => ({ id: f.groupId }),
  "group.byId": (f) => ({ id: f.groupId }),
  "group.create": () => ({
    name: `Matrix group ${crypto.randomUUID().slice(0, 8)}`,
    aliases: ["MG"],
    area: "Matrix area",
  }),
  // The fixture group's record as it is: the update changes nothing but the version.
  "group.update": async (f) => {
    const [row] = await f.db
      .select({
        id: group.id,
        version: group.version,
        name: group.name,
        aliases: group.aliases,
        area: group.area,
        status: group.status,
        description: group.description,
      })
      .from(group)
      .where(eq(group.id, f.groupId));
    return row;
  },
  // A group of its own each time, which the person is not yet a member of.
  "group.addMember": async (f) => ({
    groupId: await freshGroup(f),
    individualId: f.individualId,
    affiliation: "associate",
    fromOn: "2024-01-15",
    source: "Matrix test",
  }),
  // An open membership of its own each time, to end.
  "group.endMembership": async (f) => {
    const [row] = await f.db
      .insert(groupMembership)
      .values({
        groupId: await freshGroup(f),
        individualId: f.individualId,
        affiliation: "member",
        fromOn: "2024-01-15",
      })
      .returning({ id: groupMembership.id, version: groupMembership.version });
    return { membershipId: row!.id, version: row!.version, toOn: "2025-06-30" };
  },
  "report.options": () => undefined,
  // The demo's shootings by year, to the day of the programme's published figures.
  "report.incidents": () => ({
    from: "2017-01-01",
    to: "2020-05-19",
    granularity: "year",
    kinds: ["shooting"],
  }),
  "report.exportIncidents": () => ({
    from: "2017-01-01",
    to: "2020-05-19",
    granularity: "year",
    kinds: ["shooting"],
    audience: "external",
  }),
  // The months of the published figures: 30 took steps to leave, 12 moved, 12 changed home.
  "report.funnel": () => ({ from: "2019-11-01", to: "2020-05-19" }),
  "report.exportFunnel": () => ({ from: "2019-11-01", to: "2020-05-19", audience: "internal" }),
  // Spring 2020: the programme's 12 trials started or held.
  "report.activity": () => ({ from: "2020-03-01", to: "2020-05-31" }),
  "report.exportActivity": () => ({ from: "2020-03-01", to: "2020-05-31", audience: "internal" }),
  "report.conflicts": () => ({ from: "2019-01-01", to: "2020-05-19" }),
  "report.exportConflicts": () => ({ from: "2019-01-01", to: "2020-05-19", audience: "external" }),
  "network.graph": () => ({}),
  "network.areas": () => undefined,
  // Every conflict on one page: the fixtures' and those the create row records.
  "conflict.list": () => ({ pageSize: 100 }),
  "conflict.lookup": (f) => ({ id: f.partiesConflictId }),
  "conflict.byId": (f) => ({ id: f.partiesConflictId }),
  "conflict.create": (f) => ({
    title: `Matrix conflict ${crypto.randomUUID().slice(0, 8)}`,
    status: "active",
    riskLevel: "high",
    startedOn: "2024-03-01",
    parties: [
      { kind: "group", id: f.partiesConflictGroupIds[0], side: "A" },
      { kind: "group", id: f.partiesConflictGroupIds[1], side: "B" },
      { kind: "individual", id: f.individualId, side: "B" },
    ],
  }),
  // The fixture conflict's record as it is: the update changes nothing but the version.
  "conflict.update": async (f) => {
    const [row] = await f.db
      .select({
        id: conflict.id,
        version: conflict.version,
        title: conflict.title,
        startedOn: conflict.startedOn,
        description: conflict.description,
      })
      .from(conflict)
      .where(eq(conflict.id, f.partiesConflictId));
    return row;
  },
  // Its risk the other way each time, so every call is a change (and a row of its history).
  "conflict.setStatus": async (f) => {
    const [row] = await f.db
      .select({ id: conflict.id, version: conflict.version, riskLevel: conflict.riskLevel })
      .from(conflict)
      .where(eq(conflict.id, f.partiesConflictId));
    return {
      id: row!.id,
      version: row!.version,
      riskLevel: row!.riskLevel === "critical" ? "high" : "critical",
      reason: "Matrix test: risk reassessed.",
    };
  },
  "alliance.list": () => ({ pageSize: 100 }),
  // Two groups of their own each time: two groups have one alliance in force at most.
  "alliance.create": async (f) => ({
    groupAId: await freshGroup(f),
    groupBId: await freshGroup(f),
    fromOn: "2024-01-15",
    note: "Matrix test alliance.",
  }),
  // An alliance in force of its own each time, to end.
  "alliance.end": async (f) => {
    const [row] = await f.db
      .insert(alliance)
      .values({
        groupAId: await freshGroup(f),
        groupBId: await freshGroup(f),
        fromOn: "2024-01-15",
      })
      .returning({ id: alliance.id, version: alliance.version });
    return { id: row!.id, version: row!.version, toOn: "2025-06-30" };
  },
  "agency.list": () => undefined,
  "agency.create": () => ({ name: `Matrix agency ${crypto.randomUUID()}`, kind: "other" }),
  "user.list": () => ({}),
  "user.setDisabled": async (f) => ({
    userId: f.targetUserId,
    disabled: false,
    version: await versionOf(f, "user", f.targetUserId),
  }),
  "membership.setRole": async (f) => ({
    membershipId: f.targetMembershipId,
    role: "manager",
    version: await versionOf(f, "membership", f.targetMembershipId),
  }),
  "membership.setDisabled": async (f) => ({
    membershipId: f.targetMembershipId,
    disabled: false,
    version: await versionOf(f, "membership", f.targetMembershipId),
  }),
  "accessLog.list": () => ({}),
  "platformSetting.get": () => undefined,
  // The demo's settings as they are: the update changes nothing but the version, so the
  // reports' programme start and the demo's sign-in stay what the other tests expect.
  "platformSetting.update": async (f) => {
    const [row] = await f.db
      .select(SETTING_COLUMNS)
      .from(platformSetting)
      .where(eq(platformSetting.id, SETTING_ID));
    return row;
  },
  "referral.list": () => ({ box: "sent" }),
  "referral.formOptions": () => undefined,
  // To the housing company, an agency no actor of the tests belongs to.
  "referral.create": async (f) => {
    const [housing] = await f.db.select().from(agency).where(eq(agency.kind, "housing"));
    return {
      individualId: f.individualId,
      toAgencyId: housing!.id,
      service: "housing",
      consent: true,
      consentOn: "2026-01-15",
      note: "Matrix test referral.",
    };
  },
  // A referral of its own each time, sent by the police to the exit programme, to accept.
  "referral.transition": async (f) => {
    const [police] = await f.db.select().from(agency).where(eq(agency.kind, "police"));
    const [exit] = await f.db.select().from(agency).where(eq(agency.kind, "exit_programme"));
    const [row] = await f.db
      .insert(referral)
      .values({
        individualId: f.individualId,
        fromAgencyId: police!.id,
        toAgencyId: exit!.id,
        service: "exit_programme",
      })
      .returning({ id: referral.id, version: referral.version });
    return { id: row!.id, version: row!.version, status: "accepted" };
  },
};

/** Finds the demo rows the inputs use and adds the admins' target (a fresh database each time). */
export async function loadProcedureFixtures(db: Db): Promise<ProcedureFixtures> {
  const [police] = await db.select().from(agency).where(eq(agency.kind, "police"));
  const [socialServices] = await db.select().from(agency).where(eq(agency.kind, "social_services"));
  const [probation] = await db.select().from(agency).where(eq(agency.kind, "probation"));
  // Someone with content every case agency may read (a note, an intervention's details, a
  // date of birth), so a procedure that returns case content has some to return.
  const [someone] = await db
    .select({ id: individual.id })
    .from(individual)
    .where(
      and(
        eq(individual.registrationStatus, "approved"),
        isNotNull(individual.dateOfBirth),
        exists(
          db
            .select({ one: sql`1` })
            .from(note)
            .where(
              and(
                eq(note.individualId, individual.id),
                eq(note.visibility, "programme"),
                ne(note.authorAgencyId, socialServices!.id),
              ),
            ),
        ),
        exists(
          db
            .select({ one: sql`1` })
            .from(interventionParticipant)
            .innerJoin(intervention, eq(intervention.id, interventionParticipant.interventionId))
            .where(
              and(
                eq(interventionParticipant.individualId, individual.id),
                eq(intervention.visibility, "programme"),
                ne(intervention.leadAgencyId, socialServices!.id),
                isNotNull(intervention.summary),
              ),
            ),
        ),
      ),
    )
    .orderBy(individual.id)
    .limit(1);
  const [policeNote] = await db
    .select({ id: note.id })
    .from(note)
    .where(and(eq(note.authorAgencyId, police!.id), eq(note.visibility, "agency")))
    .limit(1);
  // Something on the person that every agency but one must be kept from.
  const [probationStaff] = await db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, "probation.staff@truce.example"));
  const [probationNote] = await db
    .insert(note)
    .values({
      individualId: someone!.id,
      body: "Matrix fixture: kept within the probation service.",
      kind: "assessment",
      visibility: "agency",
      authorAgencyId: probation!.id,
      createdById: probationStaff!.id,
      updatedById: probationStaff!.id,
    })
    .returning({ id: note.id });
  // A referral whose note only the two agencies read.
  const [exitProgramme] = await db.select().from(agency).where(eq(agency.kind, "exit_programme"));
  const [policeExitReferral] = await db
    .insert(referral)
    .values({
      individualId: someone!.id,
      fromAgencyId: police!.id,
      toAgencyId: exitProgramme!.id,
      service: "exit_programme",
      status: "sent",
      note: "Matrix fixture: between the police and the exit programme.",
    })
    .returning({ id: referral.id });
  // A group with something of each kind (never picked by its position), and a pending
  // registration of the probation service among its members.
  const partyOf = (table: typeof conflictParty | typeof incidentParty) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(table)
        .where(eq(table.groupId, group.id)),
    );
  const [someGroup] = await db
    .select({ id: group.id })
    .from(group)
    .where(
      and(
        partyOf(conflictParty),
        partyOf(incidentParty),
        exists(
          db
            .select({ one: sql`1` })
            .from(alliance)
            .where(or(eq(alliance.groupAId, group.id), eq(alliance.groupBId, group.id))),
        ),
        exists(
          db
            .select({ one: sql`1` })
            .from(groupMembership)
            .where(and(eq(groupMembership.groupId, group.id), isNull(groupMembership.toOn))),
        ),
        exists(
          db
            .select({ one: sql`1` })
            .from(note)
            .where(
              and(
                eq(note.groupId, group.id),
                eq(note.visibility, "programme"),
                ne(note.authorAgencyId, socialServices!.id),
              ),
            ),
        ),
      ),
    )
    .orderBy(group.id)
    .limit(1);
  const [probationPending] = await db
    .insert(individual)
    .values({
      givenName: "Kept",
      familyName: "Withinprobation",
      district: "Matrix district",
      registrationReason: "Matrix fixture: pending with the probation service.",
      category: "group_member",
      registeringAgencyId: probation!.id,
      registrationStatus: "pending",
      reviewDue: "2099-01-01",
    })
    .returning({ id: individual.id });
  await db.insert(groupMembership).values({
    groupId: someGroup!.id,
    individualId: probationPending!.id,
    affiliation: "member",
    source: "Matrix fixture: the probation service's own source",
  });
  const [someConflict] = await db
    .select({ id: conflict.id })
    .from(conflict)
    .where(
      exists(
        db
          .select({ one: sql`1` })
          .from(note)
          .where(
            and(
              eq(note.conflictId, conflict.id),
              eq(note.visibility, "programme"),
              ne(note.authorAgencyId, socialServices!.id),
            ),
          ),
      ),
    )
    .orderBy(conflict.id)
    .limit(1);
  const conflictFixtures = await loadConflictFixtures(db, {
    individualId: someone!.id,
    pendingId: probationPending!.id,
    policeId: police!.id,
    probationId: probation!.id,
  });
  const [someIncident] = await db
    .insert(incident)
    .values({
      kind: "shooting",
      occurredAt: new Date("2026-03-01T21:30:00Z"),
      district: "Matrix district",
      injured: 1,
      summary: "Matrix fixture: shots fired at the square.",
    })
    .returning({ id: incident.id });
  await db.insert(incidentParty).values([
    { incidentId: someIncident!.id, individualId: someone!.id, role: "victim" },
    { incidentId: someIncident!.id, individualId: probationPending!.id, role: "suspect" },
    { incidentId: someIncident!.id, groupId: someGroup!.id, role: "linked" },
  ]);
  // A member of the police for the admin procedures to act on, so no demo user changes.
  const [target] = await db
    .insert(user)
    .values({
      email: "matrix.target@truce.example",
      name: "Matrix Target",
      passwordHash: DEMO_PASSWORD_HASH,
    })
    .returning({ id: user.id });
  const [targetMembership] = await db
    .insert(membership)
    .values({ userId: target!.id, agencyId: police!.id, role: "staff" })
    .returning({ id: membership.id });
  return {
    db,
    individualId: someone!.id,
    policeAgencyNoteId: policeNote!.id,
    probationAgencyNoteId: probationNote!.id,
    policeExitReferralId: policeExitReferral!.id,
    groupId: someGroup!.id,
    probationPendingMemberId: probationPending!.id,
    conflictId: someConflict!.id,
    ...conflictFixtures,
    incidentId: someIncident!.id,
    targetUserId: target!.id,
    targetMembershipId: targetMembership!.id,
  };
}

/** A group no one is a member of, under a unique name. */
async function freshGroup(f: Pick<ProcedureFixtures, "db">): Promise<string> {
  const [row] = await f.db
    .insert(group)
    .values({ name: `Matrix fixture ${crypto.randomUUID()}`, area: "Matrix area" })
    .returning({ id: group.id });
  return row!.id;
}

/** An approved person with nothing recorded about them, under a unique name. */
async function freshPerson(f: Pick<ProcedureFixtures, "db">): Promise<string> {
  const [police] = await f.db
    .select({ id: agency.id })
    .from(agency)
    .where(eq(agency.kind, "police"));
  const [row] = await f.db
    .insert(individual)
    .values({
      givenName: "Matrix",
      familyName: `Participant ${crypto.randomUUID().slice(0, 8)}`,
      district: "Matrix district",
      registrationReason: "Matrix fixture: invited to a call-in.",
      category: "associate",
      registeringAgencyId: police!.id,
      registrationStatus: "approved",
      approvedAt: new Date(),
      reviewDue: "2099-01-01",
    })
    .returning({ id: individual.id });
  return row!.id;
}

/** The conflict with parties of every kind (ProcedureFixtures.partiesConflictId). */
async function loadConflictFixtures(
  db: Db,
  ids: { individualId: string; pendingId: string; policeId: string; probationId: string },
): Promise<Pick<ProcedureFixtures, "partiesConflictId" | "partiesConflictGroupIds">> {
  const groupIds: [string, string] = [await freshGroup({ db }), await freshGroup({ db })];
  const [policeStaff] = await db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, "police.staff@truce.example"));
  const [created] = await db
    .insert(conflict)
    .values({
      title: "Matrix fixture: a conflict with parties of every kind",
      status: "active",
      riskLevel: "high",
      startedOn: "2024-02-01",
      description: "Matrix fixture conflict.",
    })
    .returning({ id: conflict.id });
  const conflictId = created!.id;
  await db.insert(conflictParty).values([
    { conflictId, groupId: groupIds[0], side: "A" },
    { conflictId, groupId: groupIds[1], side: "B" },
    { conflictId, individualId: ids.individualId, side: "A" },
    { conflictId, individualId: ids.pendingId, side: "B" },
  ]);
  await db.insert(conflictChange).values({
    conflictId,
    status: "active",
    riskLevel: "high",
    changedById: policeStaff!.id,
    changedByAgencyId: ids.policeId,
    changedAt: new Date("2024-02-01T10:00:00Z"),
  });
  await db.insert(incident).values({
    kind: "shooting",
    occurredAt: new Date("2024-02-10T21:00:00Z"),
    district: "Matrix district",
    injured: 1,
    conflictId,
  });
  // About no one (no participants), so the police's is read as programme content without
  // anyone's consent, and no person's own list of interventions changes.
  await db.insert(intervention).values([
    {
      kind: "mediation",
      leadAgencyId: ids.policeId,
      occurredAt: new Date("2024-02-20T14:00:00Z"),
      status: "done",
      visibility: "programme",
      summary: "Matrix fixture: a mediation the programme may read.",
      conflictId,
    },
    {
      kind: "custom_notification",
      leadAgencyId: ids.probationId,
      occurredAt: new Date("2024-02-21T14:00:00Z"),
      status: "done",
      visibility: "agency",
      summary: "Matrix fixture: kept within the probation service.",
      conflictId,
    },
  ]);
  return { partiesConflictId: conflictId, partiesConflictGroupIds: groupIds };
}

export async function versionOf(
  f: Pick<ProcedureFixtures, "db">,
  table: "user" | "membership",
  id: string,
) {
  const t = table === "user" ? user : membership;
  const [row] = await f.db.select({ version: t.version }).from(t).where(eq(t.id, id));
  return row!.version;
}

/** Calls the procedure at `path` on a caller (`createCaller(...)`), with `input`. */
export async function invokeProcedure(
  caller: unknown,
  path: string,
  input: unknown,
): Promise<unknown> {
  const fn = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}
