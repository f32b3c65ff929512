// Test support: sessions for the demo users, as the apps would build them after sign-in.
import {
  defaultMembership,
  listMemberships,
  type SessionClaims,
  type TruceApp,
} from "@truce/auth/actor";
import { eq, type Db } from "@truce/db";
import { user } from "@truce/db/schema";
import { PURPOSE_COOKIE, type Purpose } from "./purpose";
import { appRouter } from "./root";
import { createCallerFactory, createTRPCContext } from "./trpc";

const createCaller = createCallerFactory(appRouter);

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

/** A server-side caller acting as the given session (or anonymous with null). */
export async function callerFor(
  db: Db,
  claims: SessionClaims | null,
  options: { purpose?: Purpose } = { purpose: "case_work" },
) {
  const headers = new Headers();
  if (options.purpose) headers.set("cookie", `${PURPOSE_COOKIE}=${options.purpose}`);
  return createCaller(await createTRPCContext({ db, claims, headers }));
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
