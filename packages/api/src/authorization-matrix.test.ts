/**
 * The authorization matrix, per app: every procedure an app serves, called through that
 * app's router as every kind of actor, against a real PostgreSQL with the demo data. A row
 * says who may call the procedure and, for those who may, what the call must return (the
 * actor's scope of a list, what was kept out of it, the changed row of a mutation); an
 * allowed call is awaited and its result checked, never only "did not throw". The
 * procedures are enumerated from each app's router, so a new one without a row fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor, type SessionClaims, type TruceApp } from "@truce/auth/actor";
import { alias, and, count, desc, eq, inArray, isNull, lt, ne, or, sql, type Db } from "@truce/db";
import {
  accessLog,
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
  interventionAgency,
  interventionParticipant,
  interventionSpeaker,
  membership,
  note,
  outcome,
  platformSetting,
  referral,
  referralEvent,
  user,
} from "@truce/db/schema";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import type { AdminRouterOutputs, WebRouterOutputs } from "./index";
import {
  APP_PROCEDURE_PATHS,
  invokeProcedure,
  loadProcedureFixtures,
  PROCEDURE_INPUTS,
  type ProcedureFixtures,
  versionOf,
} from "./procedure-inputs";
import { adminCallerFor, appCallerFor, claimsFor } from "./test-actors";

/**
 * Who calls: a demo user with the session of the app they sign in to, or (`both`) a user of
 * this test's own who holds a police staff membership and the platform admin role, with the
 * session of the app under test: the caller for whom the app's router alone decides.
 */
const ACTORS = {
  anonymous: null,
  policeStaff: ["police.staff@truce.example", "web"],
  socialStaff: ["social.staff@truce.example", "web"],
  exitStaff: ["exit.staff@truce.example", "web"],
  probationStaff: ["probation.staff@truce.example", "web"],
  policeManager: ["police.manager@truce.example", "web"],
  agencyAdmin: ["agency.admin@truce.example", "admin"],
  platformAdmin: ["platform.admin@truce.example", "admin"],
  auditor: ["auditor@truce.example", "admin"],
  staffAndPlatformAdmin: ["staff.platform.admin@truce.example", "both"],
  disabled: ["disabled@truce.example", "web"],
} as const;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];
type Refusal = "UNAUTHORIZED" | "FORBIDDEN";

/** What an allowed call is checked against. */
interface Call {
  /** The actor as the API loads it from the session; null for a public procedure's caller. */
  actor: Actor | null;
  input: unknown;
  db: Db;
  fixtures: ProcedureFixtures;
}
/** Asserts what an allowed call returned (and, for a mutation, what it changed). */
type Check = (result: unknown, call: Call) => void | Promise<void>;

/**
 * One procedure's row: the refusal for each actor who may not call it (anyone not listed
 * may), and the check of what the others get back.
 */
interface Row {
  refuse: Partial<Record<ActorName, Refusal>>;
  allowed: Check;
}

/** The call of a protected procedure, which no one calls without a valid session. */
function signedIn(call: Call): Call & { actor: Actor } {
  const { actor } = call;
  if (!actor) throw new Error("a protected procedure answered a caller without a valid session");
  return { ...call, actor };
}

const U = "UNAUTHORIZED";
const F = "FORBIDDEN";
/** Without a valid session: no one, and a disabled user's session counts for nothing. */
const signedOut = { anonymous: U, disabled: U } as const;
/** Case work: staff and managers in an agency; no admin or auditor role ever. */
const caseWorkOnly = { ...signedOut, agencyAdmin: F, platformAdmin: F, auditor: F } as const;
const caseRoles = [
  "policeStaff",
  "socialStaff",
  "exitStaff",
  "probationStaff",
  "policeManager",
] as const;
const noCaseRoles = Object.fromEntries(caseRoles.map((a) => [a, F])) as Record<
  (typeof caseRoles)[number],
  Refusal
>;
/** The outcome reports: managers only; staff (even with an admin role beside), admins, auditors refused. */
const managersOnly = {
  ...caseWorkOnly,
  policeStaff: F,
  socialStaff: F,
  exitStaff: F,
  probationStaff: F,
  staffAndPlatformAdmin: F,
} as const;
/** Administration: agency admins and platform admins; no case role, no auditor. */
const adminOnly = { ...signedOut, ...noCaseRoles, auditor: F } as const;

const agencyIdOf = (actor: Actor) => actor.membership!.agencyId;
const isPlatformAdmin = (actor: Actor) => actor.platformRoles.includes("platform_admin");

const countOf = async (query: PromiseLike<{ n: number }[]>) => (await query)[0]!.n;

/** A versioned update returns the row it changed: the new values, its version bumped by one. */
function versionedUpdate(
  target: (f: ProcedureFixtures) => string,
  changed: Record<string, unknown>,
): Check {
  return (result, { fixtures, input }) => {
    const { version } = input as { version: number };
    expect(result).toEqual({ id: target(fixtures), ...changed, version: version + 1 });
  };
}

const sharedRows = {
  "health.check": {
    refuse: {},
    allowed: (result) => expect(result).toEqual({ ok: true }),
  },
  "session.me": {
    refuse: signedOut,
    allowed: (result, call) => {
      const { actor } = signedIn(call);
      const me = result as WebRouterOutputs["session"]["me"];
      expect(me).toMatchObject({
        userId: actor.userId,
        email: actor.email,
        platformRoles: actor.platformRoles,
        membership: actor.membership,
      });
      expect(me.allowed).toContain("session.read");
    },
  },
} satisfies Record<string, Row>;

/**
 * The conflicts and alliances: the programme's shared core, so every case role sees every
 * conflict; of the people among its parties only those in the actor's view of the register
 * (the probation service's pending registration stays within it), and of its interventions
 * the details only where the actor may read them.
 */
const conflictRows = {
  "conflict.lookup": {
    refuse: caseWorkOnly,
    // The one conflict of the id, its title, status and risk only: no parties.
    allowed: async (result, { db, fixtures }) => {
      const { items } = result as WebRouterOutputs["conflict"]["lookup"];
      const [fixture] = await db
        .select({
          id: conflict.id,
          title: conflict.title,
          status: conflict.status,
          riskLevel: conflict.riskLevel,
        })
        .from(conflict)
        .where(eq(conflict.id, fixtures.partiesConflictId));
      expect(items).toEqual([fixture]);
    },
  },
  "conflict.list": {
    refuse: caseWorkOnly,
    allowed: async (result, call) => {
      const { actor, db, fixtures } = signedIn(call);
      const page = result as WebRouterOutputs["conflict"]["list"];
      expect(page.total).toBe(await countOf(db.select({ n: count() }).from(conflict)));
      const risks = page.items.map((c) =>
        ["low", "medium", "high", "critical"].indexOf(c.riskLevel),
      );
      expect(risks).toEqual([...risks].sort((a, b) => b - a));
      const fixture = page.items.find((c) => c.id === fixtures.partiesConflictId)!;
      const partyIds = fixture.parties.map((p) => p.id);
      expect(partyIds).toEqual(
        expect.arrayContaining([...fixtures.partiesConflictGroupIds, fixtures.individualId]),
      );
      const probation = actor.membership!.agencyKind === "probation";
      expect(partyIds.includes(fixtures.probationPendingMemberId)).toBe(probation);
      const othersPending = await db
        .select({ id: individual.id })
        .from(individual)
        .where(
          and(
            eq(individual.registrationStatus, "pending"),
            ne(individual.registeringAgencyId, agencyIdOf(actor)),
          ),
        );
      const kept = new Set(othersPending.map((p) => p.id));
      const shown = page.items.flatMap((c) => c.parties).filter((p) => kept.has(p.id));
      expect(shown).toEqual([]);
    },
  },
  "conflict.byId": {
    refuse: caseWorkOnly,
    allowed: (result, call) => {
      const { actor, fixtures } = signedIn(call);
      const profile = result as WebRouterOutputs["conflict"]["byId"];
      expect(profile).toMatchObject({ id: fixtures.partiesConflictId, status: "active" });
      const partyIds = profile.parties.map((p) => p.id);
      expect(partyIds).toContain(fixtures.individualId);
      expect(partyIds.includes(fixtures.probationPendingMemberId)).toBe(
        actor.membership!.agencyKind === "probation",
      );
      expect(profile.incidents).toHaveLength(1);
      expect(profile.interventions).toHaveLength(2);
      for (const i of profile.interventions) {
        const mayRead =
          i.visibility === "programme" || i.leadAgencyName === actor.membership!.agencyName;
        expect(i.detailsVisible, i.id).toBe(mayRead);
        if (!mayRead) expect(i.summary, i.id).toBeNull();
      }
      expect(profile.interventions.some((i) => i.summary !== null)).toBe(true);
      expect(profile.history.length).toBeGreaterThan(0);
      expect(profile.history.at(-1)).toMatchObject({
        previousStatus: null,
        changedByName: expect.any(String),
        changedByAgencyName: expect.any(String),
      });
    },
  },
  "conflict.create": {
    refuse: caseWorkOnly,
    // Its parties as given, and the first row of its history, as the actor's agency.
    allowed: async (result, call) => {
      const { actor, db, input } = signedIn(call);
      const { id } = result as WebRouterOutputs["conflict"]["create"];
      const [written] = await db.select().from(conflict).where(eq(conflict.id, id));
      expect(written).toMatchObject({ status: "active", riskLevel: "high", version: 1 });
      const parties = await db.select().from(conflictParty).where(eq(conflictParty.conflictId, id));
      expect(parties).toHaveLength((input as { parties: unknown[] }).parties.length);
      const history = await db
        .select()
        .from(conflictChange)
        .where(eq(conflictChange.conflictId, id));
      expect(history).toEqual([
        expect.objectContaining({
          status: "active",
          riskLevel: "high",
          previousStatus: null,
          changedById: actor.userId,
          changedByAgencyId: agencyIdOf(actor),
        }),
      ]);
    },
  },
  "conflict.update": {
    refuse: caseWorkOnly,
    allowed: async (result, call) => {
      const { actor, db, fixtures, input } = signedIn(call);
      const { version } = input as { version: number };
      expect(result).toEqual({ id: fixtures.partiesConflictId, version: version + 1 });
      const [row] = await db
        .select({ updatedById: conflict.updatedById })
        .from(conflict)
        .where(eq(conflict.id, fixtures.partiesConflictId));
      expect(row!.updatedById).toBe(actor.userId);
    },
  },
  "conflict.setStatus": {
    refuse: caseWorkOnly,
    // The change, and its row in the history: from what it was, by the actor, with the reason.
    allowed: async (result, call) => {
      const { actor, db, fixtures, input } = signedIn(call);
      const { version, riskLevel } = input as { version: number; riskLevel: string };
      expect(result).toEqual({
        id: fixtures.partiesConflictId,
        status: "active",
        riskLevel,
        resolvedOn: null,
        version: version + 1,
      });
      const [latest] = await db
        .select()
        .from(conflictChange)
        .where(eq(conflictChange.conflictId, fixtures.partiesConflictId))
        .orderBy(desc(conflictChange.changedAt), desc(conflictChange.id))
        .limit(1);
      expect(latest).toMatchObject({
        riskLevel,
        previousRiskLevel: riskLevel === "critical" ? "high" : "critical",
        changedById: actor.userId,
        changedByAgencyId: agencyIdOf(actor),
        reason: "Matrix test: risk reassessed.",
      });
    },
  },
  "alliance.list": {
    refuse: caseWorkOnly,
    // Every alliance, those in force first.
    allowed: async (result, { db }) => {
      const page = result as WebRouterOutputs["alliance"]["list"];
      expect(page.total).toBe(await countOf(db.select({ n: count() }).from(alliance)));
      const inForce = page.items.map((a) => a.inForce);
      expect(inForce).toEqual([...inForce].sort((a, b) => Number(b) - Number(a)));
      expect(inForce).toContain(true);
      expect(inForce).toContain(false);
    },
  },
  "alliance.create": {
    refuse: caseWorkOnly,
    allowed: async (result, call) => {
      const { actor, db, input } = signedIn(call);
      const { id } = result as WebRouterOutputs["alliance"]["create"];
      const [written] = await db.select().from(alliance).where(eq(alliance.id, id));
      expect(written).toMatchObject({
        ...(input as object),
        toOn: null,
        createdById: actor.userId,
        version: 1,
      });
    },
  },
  "alliance.end": {
    refuse: caseWorkOnly,
    allowed: (result, { input }) => {
      const { id, version, toOn } = input as { id: string; version: number; toOn: string };
      expect(result).toEqual({ id, toOn, version: version + 1 });
    },
  },
} satisfies Record<string, Row>;

/**
 * Interventions: everyone in the programme sees that one took place; its details as the
 * content scope says; its people as far as the actor's view of the register goes. Only the
 * lead agency changes one.
 */
/** The shootings the demo publishes (DOMAIN.md): 2017 to 2020, the last to 19 May. */
const DEMO_SHOOTINGS = [65, 47, 34, 4];

const reportRows = {
  "report.options": {
    refuse: managersOnly,
    // Every district an incident was recorded in or a person lives in, the active agencies, the demo's start.
    allowed: async (result, { db }) => {
      const options = result as WebRouterOutputs["report"]["options"];
      const districts = [
        ...(await db.selectDistinct({ district: incident.district }).from(incident)),
        ...(await db.selectDistinct({ district: individual.district }).from(individual)),
      ].map((row) => row.district);
      expect(options.districts).toEqual(
        [...new Set(districts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      const agencies = await db
        .select({ id: agency.id })
        .from(agency)
        .where(eq(agency.active, true));
      expect(options.agencies.map((a) => a.id).sort()).toEqual(agencies.map((a) => a.id).sort());
      expect(options.programmeStartedOn).toBe("2018-10-01");
    },
  },
  "report.incidents": {
    refuse: managersOnly,
    allowed: (result) => {
      const report = result as WebRouterOutputs["report"]["incidents"];
      expect(report.periods.map((p) => p.byKind.shooting)).toEqual(DEMO_SHOOTINGS);
      expect(report.periods.map((p) => p.incidents)).toEqual(DEMO_SHOOTINGS);
      expect(report.total.incidents).toBe(150);
      expect(report.programmeStartedOn).toBe("2018-10-01");
    },
  },
  "report.exportIncidents": {
    refuse: managersOnly,
    // The external table and its log row: 2020's 4 shootings are "<5", so its total and the
    // whole report's are withheld (either, less the years shown, would give them back).
    allowed: async (result, call) => {
      const { actor, db } = signedIn(call);
      const table = result as WebRouterOutputs["report"]["exportIncidents"];
      expect(table.audience).toBe("external");
      expect(table.rows.map((row) => row.byKind.shooting)).toEqual([65, 47, 34, "<5"]);
      expect(table.rows.map((row) => row.incidents)).toEqual([65, 47, 34, ".."]);
      expect(table.total.incidents).toBe("..");
      const [logged] = await db
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.userId, actor.userId), eq(accessLog.action, "export")))
        .orderBy(desc(accessLog.id))
        .limit(1);
      expect(logged).toMatchObject({
        entityType: "report",
        entityId: "incidents",
        membershipId: actor.membership!.id,
        detail: { audience: "external", filters: { from: "2017-01-01", to: "2020-05-19" } },
      });
    },
  },
  "report.funnel": {
    refuse: managersOnly,
    allowed: (result) => {
      const funnel = result as WebRouterOutputs["report"]["funnel"];
      const people = Object.fromEntries(funnel.rows.map((row) => [row.step, row.people]));
      expect(people).toMatchObject({ took_steps: 30, relocated: 12, changed_situation: 12 });
    },
  },
  "report.exportFunnel": {
    refuse: managersOnly,
    allowed: async (result, call) => {
      const { actor, db } = signedIn(call);
      const table = result as WebRouterOutputs["report"]["exportFunnel"];
      expect(table.audience).toBe("internal");
      expect(table.rows.find((row) => row.step === "took_steps")?.people).toBe(30);
      const [logged] = await db
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.userId, actor.userId), eq(accessLog.action, "export")))
        .orderBy(desc(accessLog.id))
        .limit(1);
      expect(logged).toMatchObject({ entityType: "report", entityId: "exitFunnel" });
    },
  },
  "report.activity": {
    refuse: managersOnly,
    allowed: (result) => {
      const report = result as WebRouterOutputs["report"]["activity"];
      expect(report.total.trials).toBe(12);
      expect(report.periods.map((p) => p.period)).toEqual([
        "2020-03-01",
        "2020-04-01",
        "2020-05-01",
      ]);
    },
  },
  "report.exportActivity": {
    refuse: managersOnly,
    allowed: async (result, call) => {
      const { actor, db } = signedIn(call);
      const table = result as WebRouterOutputs["report"]["exportActivity"];
      expect(table.total.trials).toBe(12);
      const [logged] = await db
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.userId, actor.userId), eq(accessLog.action, "export")))
        .orderBy(desc(accessLog.id))
        .limit(1);
      expect(logged).toMatchObject({ entityType: "report", entityId: "activity" });
    },
  },
  "report.conflicts": {
    refuse: managersOnly,
    allowed: (result) => {
      const report = result as WebRouterOutputs["report"]["conflicts"];
      expect(report.periods.length).toBeGreaterThan(1);
      expect(report.people.people).toBeGreaterThan(0);
    },
  },
  "report.exportConflicts": {
    refuse: managersOnly,
    allowed: async (result, call) => {
      const { actor, db } = signedIn(call);
      const table = result as WebRouterOutputs["report"]["exportConflicts"];
      expect(table.audience).toBe("external");
      const [logged] = await db
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.userId, actor.userId), eq(accessLog.action, "export")))
        .orderBy(desc(accessLog.id))
        .limit(1);
      expect(logged).toMatchObject({ entityType: "report", entityId: "conflictsAndPeople" });
    },
  },
} satisfies Record<string, Row>;

const interventionRows = {
  "intervention.byId": {
    refuse: caseWorkOnly,
    allowed: async (result, call) => {
      const { actor, db, fixtures } = signedIn(call);
      const found = result as WebRouterOutputs["intervention"]["byId"];
      const { id } = call.input as { id: string };
      const [row] = await db
        .select({ lead: intervention.leadAgencyId, visibility: intervention.visibility })
        .from(intervention)
        .where(eq(intervention.id, id));
      expect(found).toMatchObject({ id, leadAgencyId: row!.lead });
      // A programme intervention of an agency other than social services: every agency reads it.
      expect(row!.visibility).toBe("programme");
      expect(found.detailsVisible).toBe(true);
      expect(found.summary).toEqual(expect.any(String));
      expect(found.editable).toBe(row!.lead === agencyIdOf(actor));
      expect(found.participants.map((p) => p.id)).toContain(fixtures.individualId);
    },
  },
  "intervention.formOptions": {
    refuse: caseWorkOnly,
    allowed: (result) => {
      const options = result as WebRouterOutputs["intervention"]["formOptions"];
      expect(options.agencies.map((a) => a.kind)).toEqual(
        expect.arrayContaining(["police", "social_services", "exit_programme", "probation"]),
      );
      expect(Object.keys(options)).toEqual(["agencies", "incidents"]);
      const times = options.incidents.map((i) => i.occurredAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(JSON.stringify(options)).not.toContain("Matrix fixture: shots fired");
    },
  },
  "intervention.create": {
    refuse: caseWorkOnly,
    // The call-in, its participant, the agencies present (the lead's among them) and its
    // speaker, written together as the actor's agency, with its agency's default visibility.
    allowed: async (result, call) => {
      const { actor, db, input } = signedIn(call);
      const { id } = result as WebRouterOutputs["intervention"]["create"];
      const invited = (input as { participants: { individualId: string }[] }).participants;
      const [written] = await db.select().from(intervention).where(eq(intervention.id, id));
      expect(written).toMatchObject({
        kind: "call_in",
        leadAgencyId: agencyIdOf(actor),
        createdById: actor.userId,
        visibility: ["exit_programme", "probation"].includes(actor.membership!.agencyKind)
          ? "programme"
          : "agency",
      });
      const people = await db
        .select({ individualId: interventionParticipant.individualId })
        .from(interventionParticipant)
        .where(eq(interventionParticipant.interventionId, id));
      expect(people).toEqual([{ individualId: invited[0]!.individualId }]);
      const agencies = await db
        .select({ agencyId: interventionAgency.agencyId })
        .from(interventionAgency)
        .where(eq(interventionAgency.interventionId, id));
      expect(agencies.map((a) => a.agencyId)).toContain(agencyIdOf(actor));
      const speakers = await countOf(
        db
          .select({ n: count() })
          .from(interventionSpeaker)
          .where(eq(interventionSpeaker.interventionId, id)),
      );
      expect(speakers).toBe(1);
    },
  },
  "intervention.update": {
    // The fixture is the police's: no other agency changes it.
    refuse: { ...caseWorkOnly, socialStaff: F, exitStaff: F, probationStaff: F },
    allowed: async (result, { db, input }) => {
      const { id, version } = input as { id: string; version: number };
      expect(result).toEqual({ id, version: version + 1 });
      const [row] = await db
        .select({ response: interventionParticipant.response })
        .from(interventionParticipant)
        .where(eq(interventionParticipant.interventionId, id));
      expect(row!.response).toBe("attended");
    },
  },
} satisfies Record<string, Row>;

/**
 * Referrals: every case role lists its own agency's, sends them and takes their steps; which
 * step is whose is the service's rule, so only the receiving agency's staff accept (the
 * sender and the agencies outside the referral are refused, FORBIDDEN, never a 5xx).
 */
const referralRows = {
  "referral.list": {
    refuse: caseWorkOnly,
    // Those the actor's agency sent, open ones only, newest first, each note with them.
    allowed: async (result, call) => {
      const { actor, db, fixtures } = signedIn(call);
      const page = result as WebRouterOutputs["referral"]["list"];
      const open = ["sent", "accepted", "in_progress"] as const;
      expect(page.total).toBe(
        await countOf(
          db
            .select({ n: count() })
            .from(referral)
            .where(
              and(
                eq(referral.fromAgencyId, agencyIdOf(actor)),
                inArray(referral.status, [...open]),
              ),
            ),
        ),
      );
      for (const r of page.items) {
        expect(r.fromAgencyId).toBe(agencyIdOf(actor));
        expect(open).toContain(r.status);
        expect(r.noteVisible).toBe(true);
        expect(r.steps.every((s) => s === "withdrawn")).toBe(true);
      }
      const times = page.items.map((r) => r.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(page.items.some((r) => r.id === fixtures.policeExitReferralId)).toBe(
        actor.membership!.agencyKind === "police",
      );
    },
  },
  "referral.formOptions": {
    refuse: caseWorkOnly,
    // Every active agency but the actor's own.
    allowed: async (result, call) => {
      const { actor, db } = signedIn(call);
      const { agencies } = result as WebRouterOutputs["referral"]["formOptions"];
      const active = await countOf(
        db.select({ n: count() }).from(agency).where(eq(agency.active, true)),
      );
      expect(agencies).toHaveLength(active - 1);
      expect(agencies.map((a) => a.id)).not.toContain(agencyIdOf(actor));
    },
  },
  "referral.create": {
    refuse: caseWorkOnly,
    allowed: async (result, call) => {
      const { actor, db } = signedIn(call);
      const { id } = result as { id: string; version: number };
      expect(result).toEqual({ id, version: 1 });
      const [row] = await db.select().from(referral).where(eq(referral.id, id));
      expect(row).toMatchObject({
        fromAgencyId: agencyIdOf(actor),
        status: "sent",
        consent: true,
        consentOn: "2026-01-15",
        createdById: actor.userId,
      });
    },
  },
  // A fresh referral from the police to the exit programme each time, to accept.
  "referral.transition": {
    refuse: {
      ...caseWorkOnly,
      policeStaff: F,
      socialStaff: F,
      probationStaff: F,
      policeManager: F,
      staffAndPlatformAdmin: F,
    },
    allowed: async (result, call) => {
      const { actor, db, input } = signedIn(call);
      const { id, version } = input as { id: string; version: number };
      expect(result).toEqual({ id, status: "accepted", version: version + 1 });
      const steps = await db.select().from(referralEvent).where(eq(referralEvent.referralId, id));
      expect(steps).toMatchObject([
        { status: "accepted", changedById: actor.userId, changedByAgencyId: agencyIdOf(actor) },
      ]);
    },
  },
} satisfies Record<string, Row>;

const MATRIX: Record<TruceApp, Record<string, Row>> = {
  web: {
    ...sharedRows,
    ...referralRows,
    ...conflictRows,
    ...interventionRows,
    ...reportRows,
    "individual.list": {
      refuse: caseWorkOnly,
      // The approved register, and the pending registrations of the actor's own agency only.
      allowed: async (result, call) => {
        const { actor, db } = signedIn(call);
        const page = result as WebRouterOutputs["individual"]["list"];
        expect(page.items.length).toBeGreaterThan(0);
        const othersPending = await db
          .select({ id: individual.id })
          .from(individual)
          .where(
            and(
              eq(individual.registrationStatus, "pending"),
              ne(individual.registeringAgencyId, agencyIdOf(actor)),
            ),
          );
        expect(othersPending.length).toBeGreaterThan(0);
        const everyone = await countOf(db.select({ n: count() }).from(individual));
        expect(page.total).toBe(everyone - othersPending.length);
        const kept = new Set(othersPending.map((p) => p.id));
        expect(page.items.filter((p) => kept.has(p.id))).toEqual([]);
      },
    },
    "individual.byId": {
      refuse: caseWorkOnly,
      allowed: (result, { fixtures }) => {
        const profile = result as WebRouterOutputs["individual"]["byId"];
        expect(profile).toMatchObject({
          id: fixtures.individualId,
          registrationStatus: "approved",
        });
        expect(profile.dateOfBirth).not.toBeNull();
      },
    },
    "individual.timeline": {
      refuse: caseWorkOnly,
      // Every kind in one list as the actor may see it: another agency's agency-only notes
      // left out, its agency-only interventions there without their details, a referral's
      // note only for the two agencies it is between.
      allowed: async (result, call) => {
        const { actor, db, fixtures } = signedIn(call);
        const { items } = result as WebRouterOutputs["individual"]["timeline"];
        expect(items.map((i) => i.kind)).toEqual(
          expect.arrayContaining(["intervention", "note", "referral"]),
        );
        const shown = new Set(items.map((i) => i.id));
        expect(shown.has(fixtures.probationAgencyNoteId)).toBe(
          actor.membership?.agencyKind === "probation",
        );
        const keptWithinOthers = await db
          .select({ id: note.id })
          .from(note)
          .where(
            and(
              eq(note.individualId, fixtures.individualId),
              eq(note.visibility, "agency"),
              ne(note.authorAgencyId, agencyIdOf(actor)),
            ),
          );
        expect(keptWithinOthers.filter((n) => shown.has(n.id))).toEqual([]);
        const interventions = items.filter((i) => i.kind === "intervention");
        for (const i of interventions) {
          const mayRead =
            i.visibility === "programme" || i.leadAgencyName === actor.membership!.agencyName;
          expect(i.detailsVisible, i.id).toBe(mayRead);
          if (!mayRead) expect([i.summary, i.result, i.message], i.id).toEqual([null, null, null]);
        }
        expect(interventions.some((i) => i.detailsVisible && i.summary !== null)).toBe(true);
        const party = ["police", "exit_programme"].includes(actor.membership!.agencyKind);
        expect(items.find((i) => i.id === fixtures.policeExitReferralId)).toMatchObject({
          kind: "referral",
          noteVisible: party,
          note: party ? "Matrix fixture: between the police and the exit programme." : null,
        });
      },
    },
    "individual.connections": {
      refuse: caseWorkOnly,
      // Every group the person was ever in; open referrals only, each note for its two
      // agencies only.
      allowed: async (result, call) => {
        const { actor, db, fixtures } = signedIn(call);
        const { groups, openReferrals } = result as WebRouterOutputs["individual"]["connections"];
        const memberships = await countOf(
          db
            .select({ n: count() })
            .from(groupMembership)
            .where(eq(groupMembership.individualId, fixtures.individualId)),
        );
        expect(groups).toHaveLength(memberships);
        expect(openReferrals.map((r) => r.id)).toContain(fixtures.policeExitReferralId);
        for (const r of openReferrals) {
          expect(["sent", "accepted", "in_progress"]).toContain(r.status);
          const party = [r.fromAgencyName, r.toAgencyName].includes(actor.membership!.agencyName);
          expect(r.noteVisible, r.id).toBe(party);
          if (!party) expect(r.note, r.id).toBeNull();
        }
        expect(
          openReferrals.find((r) => r.id === fixtures.policeExitReferralId)!.note !== null,
        ).toBe(["police", "exit_programme"].includes(actor.membership!.agencyKind));
      },
    },
    "individual.formOptions": {
      refuse: caseWorkOnly,
      allowed: async (result, { db }) => {
        const options = result as WebRouterOutputs["individual"]["formOptions"];
        const agencies = await countOf(
          db.select({ n: count() }).from(agency).where(eq(agency.active, true)),
        );
        expect(options.agencies).toHaveLength(agencies);
        expect(Object.keys(options).sort()).toEqual([
          "agencies",
          "districts",
          "reviewPeriodMonths",
        ]);
        expect(options.districts.length).toBeGreaterThan(0);
        expect(options.districts).toEqual([...options.districts].sort());
        expect(options.reviewPeriodMonths).toBe(12);
      },
    },
    "individual.likelyDuplicates": {
      refuse: caseWorkOnly,
      // No one in the demo register is called anything like "Matrix Registration" until the
      // create row registers them: then only the actor's agency's pending ones are found.
      allowed: async (result, call) => {
        const { actor, db } = signedIn(call);
        const found = result as WebRouterOutputs["individual"]["likelyDuplicates"];
        expect(found.length).toBeGreaterThan(0);
        const [own] = await db
          .select({ name: agency.name })
          .from(agency)
          .where(eq(agency.id, agencyIdOf(actor)));
        for (const person of found) {
          expect(person.registeringAgencyName).toBe(own!.name);
          expect(person.registrationStatus).toBe("pending");
        }
      },
    },
    "individual.create": {
      refuse: caseWorkOnly,
      // Pending, as the actor's agency, with the review date the setting defaults to.
      allowed: async (result, call) => {
        const { actor, db, input } = signedIn(call);
        const { id } = result as WebRouterOutputs["individual"]["create"];
        const [written] = await db.select().from(individual).where(eq(individual.id, id));
        expect(written).toMatchObject({
          ...(input as object),
          registeringAgencyId: agencyIdOf(actor),
          registrationStatus: "pending",
          createdById: actor.userId,
          version: 1,
        });
        const [expected] = await db.execute<{ due: string }>(
          sql`select (current_date + interval '12 months')::date::text as due`,
        );
        expect(written!.reviewDue).toBe(expected!.due);
      },
    },
    "individual.update": {
      refuse: caseWorkOnly,
      allowed: async (result, call) => {
        const { actor, db, fixtures, input } = signedIn(call);
        const { version } = input as { version: number };
        expect(result).toEqual({ id: fixtures.individualId, version: version + 1 });
        const [row] = await db
          .select({ updatedById: individual.updatedById })
          .from(individual)
          .where(eq(individual.id, fixtures.individualId));
        expect(row!.updatedById).toBe(actor.userId);
      },
    },
    "individual.setStatus": {
      refuse: caseWorkOnly,
      allowed: (result, { fixtures, input }) => {
        const { version, status } = input as { version: number; status: string };
        expect(result).toEqual({ id: fixtures.individualId, status, version: version + 1 });
      },
    },
    "incident.list": {
      refuse: caseWorkOnly,
      // Every incident of the district, newest first, with no party and no summary.
      allowed: async (result, { db, fixtures }) => {
        const page = result as WebRouterOutputs["incident"]["list"];
        const inDistrict = await countOf(
          db.select({ n: count() }).from(incident).where(eq(incident.district, "Matrix district")),
        );
        expect(page.total).toBe(inDistrict);
        expect(page.items.map((i) => i.id)).toContain(fixtures.incidentId);
        const times = page.items.map((i) => i.occurredAt.getTime());
        expect(times).toEqual([...times].sort((a, b) => b - a));
        expect(JSON.stringify(page)).not.toContain("shots fired");
      },
    },
    "incident.byId": {
      refuse: caseWorkOnly,
      // The group and the visible person; the probation service's pending one only for it.
      allowed: (result, call) => {
        const { actor, fixtures } = signedIn(call);
        const found = result as WebRouterOutputs["incident"]["byId"];
        expect(found).toMatchObject({ id: fixtures.incidentId, summary: expect.any(String) });
        expect(found.groups.map((g) => g.id)).toEqual([fixtures.groupId]);
        const people = found.people.map((p) => p.id);
        expect(people).toContain(fixtures.individualId);
        expect(people.includes(fixtures.probationPendingMemberId)).toBe(
          actor.membership?.agencyKind === "probation",
        );
      },
    },
    "incident.formOptions": {
      refuse: caseWorkOnly,
      // The districts in use, in order, and nothing else: conflicts and groups are looked up.
      allowed: async (result, { db }) => {
        const options = result as WebRouterOutputs["incident"]["formOptions"];
        expect(Object.keys(options)).toEqual(["districts"]);
        expect(options.districts).toContain("Matrix district");
        expect(options.districts).toEqual([...options.districts].sort());
        const districts = await db.selectDistinct({ d: incident.district }).from(incident);
        expect(options.districts).toHaveLength(districts.length);
      },
    },
    "incident.create": {
      refuse: caseWorkOnly,
      // The incident and both its parties, written together.
      allowed: async (result, call) => {
        const { actor, db, fixtures } = signedIn(call);
        const { id } = result as WebRouterOutputs["incident"]["create"];
        const [written] = await db.select().from(incident).where(eq(incident.id, id));
        expect(written).toMatchObject({ kind: "stabbing", injured: 1, createdById: actor.userId });
        const parties = await db
          .select({ individualId: incidentParty.individualId, groupId: incidentParty.groupId })
          .from(incidentParty)
          .where(eq(incidentParty.incidentId, id));
        expect(parties).toHaveLength(2);
        expect(parties.map((p) => p.individualId ?? p.groupId).sort()).toEqual(
          [fixtures.individualId, fixtures.groupId].sort(),
        );
      },
    },
    "incident.review": {
      refuse: caseWorkOnly,
      allowed: (result, { fixtures, input }) => {
        const { version } = input as { version: number };
        expect(result).toEqual({
          id: fixtures.incidentId,
          groupInvolvement: "likely",
          version: version + 1,
        });
      },
    },
    "note.forIndividual": {
      refuse: caseWorkOnly,
      // The programme's notes and the actor's agency's own; another agency's kept out.
      allowed: async (result, call) => {
        const { actor, db, fixtures } = signedIn(call);
        const notes = result as WebRouterOutputs["note"]["forIndividual"];
        const onPerson = await db
          .select({ id: note.id, agencyId: note.authorAgencyId, visibility: note.visibility })
          .from(note)
          .where(eq(note.individualId, fixtures.individualId));
        const returned = new Set(notes.map((n) => n.id));
        const own = onPerson.filter((n) => n.agencyId === agencyIdOf(actor));
        const keptWithinOthers = onPerson.filter(
          (n) => n.agencyId !== agencyIdOf(actor) && n.visibility === "agency",
        );
        expect(own.every((n) => returned.has(n.id))).toBe(true);
        expect(keptWithinOthers.filter((n) => returned.has(n.id))).toEqual([]);
        expect(notes.some((n) => n.visibility === "programme")).toBe(true);
        // The probation service's note kept within it (procedure-inputs.ts) is one of them.
        expect(returned.has(fixtures.probationAgencyNoteId)).toBe(
          actor.membership?.agencyKind === "probation",
        );
      },
    },
    // The cross-agency read: another agency asking for a police agency-only note by id.
    "note.byId": {
      refuse: {
        ...caseWorkOnly,
        socialStaff: F,
        exitStaff: F,
        probationStaff: F,
      },
      allowed: (result, { fixtures }) => {
        expect(result).toMatchObject({ id: fixtures.policeAgencyNoteId, visibility: "agency" });
      },
    },
    "note.create": {
      refuse: caseWorkOnly,
      // Written as the actor's agency, kept within it by default.
      allowed: async (result, call) => {
        const { actor, db, fixtures } = signedIn(call);
        const { id } = result as WebRouterOutputs["note"]["create"];
        const [written] = await db.select().from(note).where(eq(note.id, id));
        expect(written).toMatchObject({
          individualId: fixtures.individualId,
          authorAgencyId: agencyIdOf(actor),
          createdById: actor.userId,
          visibility: "agency",
          body: "Matrix test note.",
        });
      },
    },
    "intervention.forIndividual": {
      refuse: caseWorkOnly,
      // Everyone sees that each took place; the details of one kept within its agency only
      // its own agency.
      allowed: (result, call) => {
        const { actor } = signedIn(call);
        const interventions = result as WebRouterOutputs["intervention"]["forIndividual"];
        expect(interventions.length).toBeGreaterThan(1);
        for (const i of interventions) {
          const mayRead =
            i.visibility === "programme" || i.leadAgencyName === actor.membership!.agencyName;
          expect(i.detailsVisible, i.id).toBe(mayRead);
          if (!mayRead) expect([i.summary, i.result, i.message], i.id).toEqual([null, null, null]);
        }
        expect(interventions.some((i) => i.detailsVisible && i.summary !== null)).toBe(true);
        expect(interventions.some((i) => !i.detailsVisible)).toBe(
          actor.membership!.agencyKind !== "exit_programme",
        );
      },
    },
    "note.forGroup": {
      refuse: caseWorkOnly,
      // The programme's notes on the group and the actor's agency's own; another agency's
      // kept within it left out.
      allowed: async (result, call) => {
        const { actor, db, fixtures } = signedIn(call);
        const notes = result as WebRouterOutputs["note"]["forGroup"];
        const onGroup = await db
          .select({ id: note.id, agencyId: note.authorAgencyId, visibility: note.visibility })
          .from(note)
          .where(eq(note.groupId, fixtures.groupId));
        const returned = new Set(notes.map((n) => n.id));
        expect(notes.every((n) => n.groupId === fixtures.groupId)).toBe(true);
        expect(notes.some((n) => n.visibility === "programme")).toBe(true);
        const own = onGroup.filter((n) => n.agencyId === agencyIdOf(actor));
        expect(own.every((n) => returned.has(n.id))).toBe(true);
        const keptWithinOthers = onGroup.filter(
          (n) => n.agencyId !== agencyIdOf(actor) && n.visibility === "agency",
        );
        // The demo's notes on groups are the police's: an assessment kept within it, a fact
        // shared with the programme.
        expect(keptWithinOthers.length > 0).toBe(actor.membership!.agencyKind !== "police");
        expect(keptWithinOthers.filter((n) => returned.has(n.id))).toEqual([]);
        const times = notes.map((n) => n.createdAt.getTime());
        expect(times).toEqual([...times].sort((a, b) => b - a));
      },
    },
    "note.forConflict": {
      refuse: caseWorkOnly,
      allowed: async (result, call) => {
        const { actor, db, fixtures } = signedIn(call);
        const notes = result as WebRouterOutputs["note"]["forConflict"];
        const onConflict = await db
          .select({ id: note.id, agencyId: note.authorAgencyId, visibility: note.visibility })
          .from(note)
          .where(eq(note.conflictId, fixtures.conflictId));
        const returned = new Set(notes.map((n) => n.id));
        expect(notes.every((n) => n.conflictId === fixtures.conflictId)).toBe(true);
        expect(notes.some((n) => n.visibility === "programme")).toBe(true);
        const keptWithinOthers = onConflict.filter(
          (n) => n.agencyId !== agencyIdOf(actor) && n.visibility === "agency",
        );
        expect(keptWithinOthers.filter((n) => returned.has(n.id))).toEqual([]);
        const own = onConflict.filter((n) => n.agencyId === agencyIdOf(actor));
        expect(own.every((n) => returned.has(n.id))).toBe(true);
      },
    },
    "group.list": {
      refuse: caseWorkOnly,
      // Every group (the register's shared core), by name, each with its current members whom
      // the actor sees: the probation service's pending member counted for it alone.
      allowed: async (result, call) => {
        const { actor, db, fixtures } = signedIn(call);
        const page = result as WebRouterOutputs["group"]["list"];
        expect(page.total).toBe(await countOf(db.select({ n: count() }).from(group)));
        const names = page.items.map((g) => g.name);
        expect(names.length).toBeGreaterThan(0);
        expect(page.areas.length).toBeGreaterThan(0);
        const fixture = page.items.find((g) => g.id === fixtures.groupId)!;
        const visible = await countOf(
          db
            .select({ n: count() })
            .from(groupMembership)
            .innerJoin(individual, eq(individual.id, groupMembership.individualId))
            .where(
              and(
                eq(groupMembership.groupId, fixtures.groupId),
                or(isNull(groupMembership.fromOn), sql`${groupMembership.fromOn} <= current_date`),
                or(isNull(groupMembership.toOn), sql`${groupMembership.toOn} >= current_date`),
                or(
                  eq(individual.registrationStatus, "approved"),
                  eq(individual.registeringAgencyId, agencyIdOf(actor)),
                ),
              ),
            ),
        );
        expect(fixture.memberCount).toBe(visible);
      },
    },
    "group.lookup": {
      refuse: caseWorkOnly,
      // The one group of the id, its name and area only: no member count, nothing of a person.
      allowed: async (result, { db, fixtures }) => {
        const { items } = result as WebRouterOutputs["group"]["lookup"];
        const [fixture] = await db
          .select({ id: group.id, name: group.name, area: group.area, status: group.status })
          .from(group)
          .where(eq(group.id, fixtures.groupId));
        expect(items).toEqual([fixture]);
      },
    },
    "group.byId": {
      refuse: caseWorkOnly,
      // The group with its members as the actor sees the register: the probation service's
      // pending registration shown to it alone; its conflicts, alliances and incidents.
      allowed: async (result, call) => {
        const { actor, db, fixtures } = signedIn(call);
        const profile = result as WebRouterOutputs["group"]["byId"];
        expect(profile.id).toBe(fixtures.groupId);
        const people = new Set(profile.memberships.map((m) => m.individualId));
        expect(people.has(fixtures.probationPendingMemberId)).toBe(
          actor.membership!.agencyKind === "probation",
        );
        const everyMembership = await countOf(
          db
            .select({ n: count() })
            .from(groupMembership)
            .where(eq(groupMembership.groupId, fixtures.groupId)),
        );
        expect(profile.memberships).toHaveLength(
          everyMembership - (actor.membership!.agencyKind === "probation" ? 0 : 1),
        );
        expect(profile.memberships.some((m) => m.current)).toBe(true);
        expect(profile.conflicts.length).toBeGreaterThan(0);
        expect(profile.alliances.length).toBeGreaterThan(0);
        expect(profile.alliances.every((a) => a.groupId !== fixtures.groupId)).toBe(true);
        expect(profile.incidents.length).toBeGreaterThan(0);
      },
    },
    "group.create": {
      refuse: caseWorkOnly,
      allowed: async (result, call) => {
        const { actor, db, input } = signedIn(call);
        const { id, version } = result as WebRouterOutputs["group"]["create"];
        expect(version).toBe(1);
        const [written] = await db.select().from(group).where(eq(group.id, id));
        expect(written).toMatchObject({
          ...(input as object),
          status: "active",
          description: null,
          createdById: actor.userId,
        });
      },
    },
    "group.update": {
      refuse: caseWorkOnly,
      allowed: async (result, call) => {
        const { actor, db, fixtures, input } = signedIn(call);
        const { version } = input as { version: number };
        expect(result).toEqual({ id: fixtures.groupId, version: version + 1 });
        const [row] = await db
          .select({ updatedById: group.updatedById })
          .from(group)
          .where(eq(group.id, fixtures.groupId));
        expect(row!.updatedById).toBe(actor.userId);
      },
    },
    "group.addMember": {
      refuse: caseWorkOnly,
      allowed: async (result, call) => {
        const { actor, db, fixtures, input } = signedIn(call);
        const { id } = result as WebRouterOutputs["group"]["addMember"];
        const [written] = await db.select().from(groupMembership).where(eq(groupMembership.id, id));
        expect(written).toMatchObject({
          ...(input as object),
          individualId: fixtures.individualId,
          toOn: null,
          createdById: actor.userId,
          version: 1,
        });
      },
    },
    "group.endMembership": {
      refuse: caseWorkOnly,
      allowed: async (result, call) => {
        const { actor, db, input } = signedIn(call);
        const { membershipId, version } = input as { membershipId: string; version: number };
        expect(result).toEqual({ id: membershipId, toOn: "2025-06-30", version: version + 1 });
        const [row] = await db
          .select({ toOn: groupMembership.toOn, updatedById: groupMembership.updatedById })
          .from(groupMembership)
          .where(eq(groupMembership.id, membershipId));
        expect(row).toEqual({ toOn: "2025-06-30", updatedById: actor.userId });
      },
    },
    "network.areas": {
      refuse: caseWorkOnly,
      // Every area a group is in, once each, in order: nothing else.
      allowed: async (result, call) => {
        const { db } = signedIn(call);
        const rows = await db.selectDistinct({ area: group.area }).from(group);
        const expected = rows.flatMap((row) => (row.area === null ? [] : [row.area]));
        expect(result).toEqual([...expected].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        expect(expected.length).toBeGreaterThan(0);
      },
    },
    "network.graph": {
      refuse: caseWorkOnly,
      // The whole programme's picture (the demo data is within its bounds): every group, each
      // pair of groups on two sides of a conflict not resolved, the alliances in force; and
      // each group's members as the actor may see them, another agency's pending left out.
      allowed: async (result, call) => {
        const { actor, db } = signedIn(call);
        const graph = result as WebRouterOutputs["network"]["graph"];
        expect(graph.truncated).toBe(false);
        const groups = await db.select({ id: group.id, status: group.status }).from(group);
        expect(graph.nodes.map((n) => n.id).sort()).toEqual(groups.map((g) => g.id).sort());
        expect(groups.some((g) => g.status !== "dissolved")).toBe(true);
        const [a, b] = [alias(conflictParty, "a"), alias(conflictParty, "b")];
        const pairs = await countOf(
          db
            .select({ n: count() })
            .from(a)
            .innerJoin(b, and(eq(b.conflictId, a.conflictId), ne(b.side, a.side)))
            .innerJoin(conflict, eq(conflict.id, a.conflictId))
            .where(and(lt(a.groupId, b.groupId), ne(conflict.status, "resolved"))),
        );
        const conflicts = graph.edges.filter((e) => e.kind === "conflict");
        expect(pairs).toBeGreaterThan(0);
        expect(conflicts).toHaveLength(pairs);
        const inForce = await countOf(
          db
            .select({ n: count() })
            .from(alliance)
            .where(or(isNull(alliance.toOn), sql`${alliance.toOn} >= current_date`)),
        );
        const alliances = graph.edges.filter((e) => e.kind === "alliance");
        expect(alliances).toHaveLength(inForce);
        expect(alliances.every((e) => !e.ended)).toBe(true);
        const visibleMembers = await countOf(
          db
            .select({ n: count() })
            .from(groupMembership)
            .innerJoin(individual, eq(individual.id, groupMembership.individualId))
            .where(
              and(
                or(isNull(groupMembership.fromOn), sql`${groupMembership.fromOn} <= current_date`),
                or(isNull(groupMembership.toOn), sql`${groupMembership.toOn} >= current_date`),
                or(
                  eq(individual.registrationStatus, "approved"),
                  eq(individual.registeringAgencyId, agencyIdOf(actor)),
                ),
              ),
            ),
        );
        expect(visibleMembers).toBeGreaterThan(0);
        expect(graph.nodes.reduce((sum, n) => sum + n.currentMembers, 0)).toBe(visibleMembers);
      },
    },
    "outcome.create": {
      refuse: caseWorkOnly,
      // Recorded as the actor's agency; "employed" leaves the person's status and version.
      allowed: async (result, call) => {
        const { actor, db, fixtures, input } = signedIn(call);
        const { id, individual: person } = result as WebRouterOutputs["outcome"]["create"];
        expect(person).toMatchObject({
          id: fixtures.individualId,
          version: (input as { version: number }).version,
        });
        const [written] = await db.select().from(outcome).where(eq(outcome.id, id));
        expect(written).toMatchObject({
          individualId: fixtures.individualId,
          kind: "employed",
          recordingAgencyId: agencyIdOf(actor),
          createdById: actor.userId,
        });
      },
    },
    "start.overview": {
      refuse: caseWorkOnly,
      // The latest incidents, the escalating conflicts by risk, and only people in the
      // actor's view of the register (another agency's pending registration never).
      allowed: async (result, call) => {
        const { actor, db } = signedIn(call);
        const start = result as WebRouterOutputs["start"]["overview"];
        const [latest] = await db
          .select({ id: incident.id })
          .from(incident)
          .orderBy(desc(incident.occurredAt), desc(incident.id))
          .limit(1);
        expect(start.incidents[0]?.id).toBe(latest?.id);
        const escalating = await db
          .select({ id: conflict.id })
          .from(conflict)
          .where(eq(conflict.status, "escalating"));
        const ids = escalating.map((c) => c.id);
        expect(start.conflicts.length).toBe(Math.min(ids.length, 5));
        for (const c of start.conflicts) expect(ids).toContain(c.id);
        if (start.people.length === 0) return;
        const visible = await db
          .select({ id: individual.id })
          .from(individual)
          .where(
            and(
              inArray(
                individual.id,
                start.people.map((p) => p.id),
              ),
              or(
                eq(individual.registrationStatus, "approved"),
                eq(individual.registeringAgencyId, agencyIdOf(actor)),
              ),
            ),
          );
        expect(visible).toHaveLength(start.people.length);
      },
    },
  },
  admin: {
    ...sharedRows,
    "agency.list": {
      refuse: { ...signedOut, ...noCaseRoles },
      // Every agency for a platform role; an agency admin only their own.
      allowed: async (result, call) => {
        const { actor, db } = signedIn(call);
        const agencies = result as AdminRouterOutputs["agency"]["list"];
        if (actor.platformRoles.length > 0) {
          expect(agencies).toHaveLength(await countOf(db.select({ n: count() }).from(agency)));
        } else {
          expect(agencies.map((a) => a.id)).toEqual([agencyIdOf(actor)]);
        }
      },
    },
    "agency.create": {
      refuse: { ...adminOnly, agencyAdmin: F },
      allowed: async (result, { db, input }) => {
        const created = result as AdminRouterOutputs["agency"]["create"];
        expect(created).toMatchObject(input as object);
        const [row] = await db.select().from(agency).where(eq(agency.id, created.id));
        expect(row).toMatchObject({ ...(input as object), active: true });
      },
    },
    "user.list": {
      refuse: adminOnly,
      // Every user for a platform admin; an agency admin those with a membership in their
      // agency, and of them only that membership.
      allowed: async (result, call) => {
        const { actor, db } = signedIn(call);
        const page = result as AdminRouterOutputs["user"]["list"];
        expect(page.items.length).toBeGreaterThan(0);
        if (isPlatformAdmin(actor)) {
          expect(page.total).toBe(await countOf(db.select({ n: count() }).from(user)));
          return;
        }
        const members = db
          .select({ n: sql<number>`count(distinct ${membership.userId})::int` })
          .from(membership)
          .where(eq(membership.agencyId, agencyIdOf(actor)));
        expect(page.total).toBe(await countOf(members));
        const agencyName = actor.membership!.agencyName;
        for (const u of page.items) {
          expect(u.memberships.length, u.email).toBeGreaterThan(0);
          expect(
            u.memberships.every((m) => m.agencyName === agencyName),
            u.email,
          ).toBe(true);
        }
      },
    },
    // A whole account: a platform admin's alone (an agency admin disables a membership).
    "user.setDisabled": {
      refuse: { ...adminOnly, agencyAdmin: F },
      allowed: versionedUpdate((f) => f.targetUserId, { disabled: false }),
    },
    "membership.setRole": {
      refuse: adminOnly,
      allowed: versionedUpdate((f) => f.targetMembershipId, { role: "manager" }),
    },
    "membership.setDisabled": {
      refuse: adminOnly,
      allowed: versionedUpdate((f) => f.targetMembershipId, { disabled: false }),
    },
    "accessLog.list": {
      refuse: {
        ...signedOut,
        ...noCaseRoles,
        agencyAdmin: F,
        platformAdmin: F,
        staffAndPlatformAdmin: F,
      },
      // The whole log, newest first.
      allowed: async (result, { db }) => {
        const page = result as AdminRouterOutputs["accessLog"]["list"];
        expect(page.total).toBe(await countOf(db.select({ n: count() }).from(accessLog)));
        const ids = page.items.map((i) => i.id);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids).toEqual([...ids].sort((a, b) => b - a));
      },
    },
    // The programme-wide settings: a platform admin's alone, not an agency admin's.
    "platformSetting.get": {
      refuse: { ...adminOnly, agencyAdmin: F },
      // The demo's row as it is, the programme's start included.
      allowed: async (result, { db }) => {
        const [row] = await db.select().from(platformSetting);
        expect(result).toMatchObject({
          mfaRequiredForAdmins: row!.mfaRequiredForAdmins,
          mfaRequiredForEveryone: row!.mfaRequiredForEveryone,
          reviewPeriodMonths: row!.reviewPeriodMonths,
          programmeStartedOn: "2018-10-01",
          version: row!.version,
        });
      },
    },
    "platformSetting.update": {
      refuse: { ...adminOnly, agencyAdmin: F },
      // The settings as sent, one version on, changed by the caller.
      allowed: async (result, call) => {
        const { actor, db, input } = signedIn(call);
        const { version, ...fields } = input as { version: number };
        expect(result).toMatchObject({ ...fields, version: version + 1 });
        const [row] = await db.select().from(platformSetting);
        expect(row).toMatchObject({ ...fields, version: version + 1, updatedById: actor.userId });
      },
    },
  },
};

let demo: DemoDatabase;
let fixtures: ProcedureFixtures;
/** Each actor's session in each app (the same one where they sign in to one app only). */
const claims = new Map<`${TruceApp}:${ActorName}`, SessionClaims | null>();

async function sessionOf(db: Db, name: ActorName, app: TruceApp): Promise<SessionClaims | null> {
  const who = ACTORS[name];
  if (!who) return null;
  const [email, home] = who;
  if (name === "disabled") {
    // As if signed in before being disabled: the claims are current, the user is not.
    const [row] = await db.select().from(user).where(eq(user.email, email));
    const [m] = await db.select().from(membership).where(eq(membership.userId, row!.id));
    return { userId: row!.id, sessionVersion: row!.sessionVersion, membershipId: m!.id };
  }
  return claimsFor(db, email, home === "both" ? app : home);
}

beforeAll(async () => {
  demo = await startDemoDatabase();
  const { db } = demo;
  fixtures = await loadProcedureFixtures(db);
  const [both] = await db
    .insert(user)
    .values({
      email: ACTORS.staffAndPlatformAdmin[0],
      name: "Staff And Platform Admin",
      passwordHash: DEMO_PASSWORD_HASH,
      platformRoles: ["platform_admin"],
    })
    .returning({ id: user.id });
  await db
    .insert(membership)
    .values({ userId: both!.id, agencyId: demo.agencyIds.police!, role: "staff" });
  for (const app of ["web", "admin"] as const) {
    for (const name of ACTOR_NAMES) claims.set(`${app}:${name}`, await sessionOf(db, name, app));
  }
});

afterAll(async () => {
  await demo?.stop();
});

for (const app of ["web", "admin"] as const) {
  describe(`the ${app} app's authorization matrix`, () => {
    const procedures = APP_PROCEDURE_PATHS[app];

    it(`has a row for every procedure of the ${app} router, and no row without one`, () => {
      expect(Object.keys(MATRIX[app]).sort()).toEqual(procedures);
    });

    it("has a valid input for every procedure of the app", () => {
      expect(procedures.filter((path) => !PROCEDURE_INPUTS[path])).toEqual([]);
    });

    for (const path of procedures) {
      for (const name of ACTOR_NAMES) {
        const row = MATRIX[app][path];
        const refusal = row ? row.refuse[name] : undefined;
        const title = row ? (refusal ?? "allowed, and gets its scope") : "(no row)";
        it(`${path} as ${name}: ${title}`, async () => {
          if (!row) throw new Error(`no matrix row for ${app}: ${path}`);
          const session = claims.get(`${app}:${name}`) ?? null;
          const caller = await appCallerFor(app, demo.db, session);
          const input = await PROCEDURE_INPUTS[path]!(fixtures);
          const call = invokeProcedure(caller, path, input);
          if (refusal) {
            await expect(call).rejects.toMatchObject({ code: refusal });
            return;
          }
          const result = await call;
          const actor = session ? await loadActor(demo.db, session) : null;
          await row.allowed(result, { actor, input, db: demo.db, fixtures });
        });
      }
    }
  });
}

describe("the admin app's membership rules", () => {
  it("never let anyone change their own role, nor an agency admin appoint one", async () => {
    const { db } = demo;
    const [admin] = await db
      .select({ id: membership.id, version: membership.version })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(eq(user.email, "agency.admin@truce.example"));
    const caller = await adminCallerFor(db, claims.get("admin:agencyAdmin")!);
    await expect(
      caller.membership.setRole({
        membershipId: admin!.id,
        role: "staff",
        version: admin!.version,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      caller.membership.setRole({
        membershipId: fixtures.targetMembershipId,
        role: "agency_admin",
        version: await versionOf(fixtures, "membership", fixtures.targetMembershipId),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [unchanged] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(membership)
      .where(
        and(
          inArray(membership.id, [admin!.id, fixtures.targetMembershipId]),
          eq(membership.role, "agency_admin"),
        ),
      );
    // The admin's own membership is still agency admin; the target was not made one.
    expect(unchanged!.n).toBe(1);
  });
});
