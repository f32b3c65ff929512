// Test support: a valid input for every procedure of the router, against the demo data.
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
  user,
} from "@truce/db/schema";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { appRouter } from "./root";

/** What the inputs refer to: demo rows, and a member of the police for admins to act on. */
export interface ProcedureFixtures {
  db: Db;
  /** An approved person everyone in the programme sees, with content shared with them all. */
  individualId: string;
  /** A police note kept within the police. */
  policeAgencyNoteId: string;
  targetUserId: string;
  targetMembershipId: string;
}

/** Every procedure of the router, by its path ("note.byId"). */
export const PROCEDURE_PATHS = Object.keys(appRouter._def.procedures).sort();

export const PROCEDURE_INPUTS: Record<
  string,
  (f: ProcedureFixtures) => Promise<unknown> | unknown
> = {
  "health.check": () => undefined,
  "session.me": () => undefined,
  "individual.list": () => ({}),
  "individual.byId": (f) => ({ id: f.individualId }),
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
