// Test support: a valid input for every procedure of both apps' routers, against the demo data.
// The authorization matrix (who may call) and the case-content test (what a call returns
// and writes to the access log) call the procedures with these same inputs.
import { and, eq, exists, isNotNull, ne, sql, type Db } from "@truce/db";
import {
  agency,
  individual,
  intervention,
  interventionParticipant,
  membership,
  note,
  referral,
  user,
} from "@truce/db/schema";
import type { AnyTRPCProcedure } from "@trpc/server";
import type { TruceApp } from "@truce/auth/actor";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { appRouters } from "./root";

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
  "note.byId": (f) => ({ id: f.policeAgencyNoteId }),
  "note.create": (f) => ({
    individualId: f.individualId,
    body: "Matrix test note.",
    kind: "fact",
  }),
  "intervention.forIndividual": (f) => ({ individualId: f.individualId }),
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
    targetUserId: target!.id,
    targetMembershipId: targetMembership!.id,
  };
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
