// Test support: sessions for the demo users, as the apps would build them after sign-in.
import {
  defaultMembership,
  listMemberships,
  type SessionClaims,
  type TruceApp,
} from "@truce/auth/actor";
import { eq, type Db } from "@truce/db";
import { individual, user } from "@truce/db/schema";
import { PURPOSE_COOKIE, type Purpose } from "./purpose";
import { appRouters } from "./root";
import { createCallerFactory, createTRPCContext } from "./trpc";

/** A caller of each app's router: a test calls a procedure through the app that serves it. */
const createCaller = {
  web: createCallerFactory(appRouters.web),
  admin: createCallerFactory(appRouters.admin),
};

export async function claimsFor(
  db: Db,
  email: string,
  app: TruceApp = "web",
): Promise<SessionClaims> {
  const [row] = await db.select().from(user).where(eq(user.email, email)).limit(1);
  if (!row) throw new Error(`no demo user ${email}`);
  const membership = defaultMembership(app, await listMemberships(db, row.id));
  return {
    userId: row.id,
    sessionVersion: row.sessionVersion,
    membershipId: membership?.id ?? null,
  };
}

export interface CallerOptions {
  /** The session's purpose; a case read without one is refused. */
  purpose?: Purpose;
}

async function contextFor(db: Db, claims: SessionClaims | null, options: CallerOptions) {
  const headers = new Headers();
  if (options.purpose) headers.set("cookie", `${PURPOSE_COOKIE}=${options.purpose}`);
  return createTRPCContext({ db, claims, headers });
}

/** A server-side caller of the web app acting as the given session (or anonymous with null). */
export async function callerFor(
  db: Db,
  claims: SessionClaims | null,
  options: CallerOptions = { purpose: "case_work" },
) {
  return createCaller.web(await contextFor(db, claims, options));
}

/** A server-side caller of the admin app acting as the given session (or anonymous). */
export async function adminCallerFor(
  db: Db,
  claims: SessionClaims | null,
  options: CallerOptions = { purpose: "case_work" },
) {
  return createCaller.admin(await contextFor(db, claims, options));
}

/** A caller of the named app, for tests that call every procedure of each app by its path. */
export async function appCallerFor(
  app: TruceApp,
  db: Db,
  claims: SessionClaims | null,
  options: CallerOptions = { purpose: "case_work" },
): Promise<unknown> {
  return createCaller[app](await contextFor(db, claims, options));
}

/** Someone in the approved register, whom every case agency may read. */
export async function approvedPerson(db: Db): Promise<{ id: string }> {
  const [person] = await db
    .select({ id: individual.id })
    .from(individual)
    .where(eq(individual.registrationStatus, "approved"))
    .limit(1);
  if (!person) throw new Error("the demo data has no approved person");
  return person;
}

export async function userIdOf(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  if (!row) throw new Error(`no demo user ${email}`);
  return row.id;
}

/** The result of a call, or the tRPC code it was refused with: for tests that expect either. */
export async function settle<T>(
  call: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    return { ok: false, code: String((error as { code?: unknown }).code) };
  }
}
