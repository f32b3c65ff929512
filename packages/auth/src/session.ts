import { z } from "zod";
import { and, eq, lt, sql, type Db, type DbOrTx } from "@truce/db";
import { accessLog, revokedSession, user } from "@truce/db/schema";
import type { SessionClaims } from "./actor";
import { serverHmac, serverHmacMatches } from "./server-secret";
import type { PendingSignIn } from "./sign-in";

/**
 * Idle timeout: a session token expires this long after it was last renewed. The
 * signed-in frame renews it while the person is active (session-keep-alive.tsx in
 * packages/ui), at most every SESSION_RENEW_SECONDS.
 */
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_RENEW_SECONDS = 5 * 60;
/** Absolute lifetime: however active, a session ends this long after signing in. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** Between a correct password and the second step. */
export const SECOND_STEP_SECONDS = 10 * 60;

const claimsSchema = z.object({
  userId: z.string().uuid(),
  sessionVersion: z.number().int(),
  membershipId: z.string().uuid().nullable(),
  sessionId: z.string().uuid(),
});
const pendingSchema = z.object({
  userId: z.string().uuid(),
  sessionVersion: z.number().int(),
  step: z.enum(["totp", "enrol"]),
  startedAt: z.number(),
  ip: z.string().nullable(),
});

/** What the session token carries besides next-auth's own fields. */
export interface TruceToken {
  claims?: SessionClaims;
  /** When the sign-in was completed, in ms since 1970 (the absolute lifetime's start). */
  signedInAt?: number;
  pending?: PendingSignIn;
}

export type TokenState =
  | { kind: "signed_in"; claims: SessionClaims & { sessionId: string }; signedInAt: number }
  | { kind: "pending"; pending: PendingSignIn }
  | { kind: "none" };

/**
 * What a decoded token is worth at `now`: a session within its absolute lifetime, a
 * pending sign-in within SECOND_STEP_SECONDS, or nothing. (The idle timeout is the token's
 * own expiry, which next-auth checks before this is called.)
 */
export function readToken(
  token: Partial<Record<keyof TruceToken, unknown>> | null,
  now: Date,
): TokenState {
  if (!token) return { kind: "none" };
  const claims = claimsSchema.safeParse(token.claims);
  const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : null;
  if (claims.success && signedInAt !== null) {
    const age = now.getTime() - signedInAt;
    return age >= 0 && age <= SESSION_ABSOLUTE_SECONDS * 1000
      ? { kind: "signed_in", claims: claims.data, signedInAt }
      : { kind: "none" };
  }
  const pending = pendingSchema.safeParse(token.pending);
  if (pending.success) {
    const age = now.getTime() - pending.data.startedAt;
    return age >= 0 && age <= SECOND_STEP_SECONDS * 1000
      ? { kind: "pending", pending: pending.data }
      : { kind: "none" };
  }
  return { kind: "none" };
}

/**
 * Signing out: the session's id goes on the revoked list (checked by loadActor on every
 * request), so a copy of the token is dead at once, and the sign-out is logged. Only this
 * session ends; the person's other sessions (the other app, another device) go on.
 */
export async function endSession(
  db: Db,
  claims: SessionClaims & { sessionId: string },
  signedInAt: number,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(revokedSession)
      .values({
        sessionId: claims.sessionId,
        userId: claims.userId,
        revokedAt: now,
        // after this the token is refused for its age anyway
        expiresAt: new Date(signedInAt + SESSION_ABSOLUTE_SECONDS * 1000),
      })
      .onConflictDoNothing();
    await tx.insert(accessLog).values({
      action: "sign_out",
      userId: claims.userId,
      membershipId: claims.membershipId,
      entityType: "user",
      entityId: claims.userId,
    });
    await tx.delete(revokedSession).where(lt(revokedSession.expiresAt, now));
  });
}

/**
 * Ends every session of the user at once (loadActor refuses a token of an older version),
 * as a change of sign-in factors must. Only from the version the caller's session holds:
 * returns the new version, or null when the version had moved on already (that session is
 * over too).
 */
export async function bumpSessionVersion(
  db: DbOrTx,
  userId: string,
  from: number,
): Promise<number | null> {
  const [row] = await db
    .update(user)
    .set({ sessionVersion: sql`${user.sessionVersion} + 1` })
    .where(and(eq(user.id, userId), eq(user.sessionVersion, from)))
    .returning({ sessionVersion: user.sessionVersion });
  return row?.sessionVersion ?? null;
}

/**
 * Lets the one session that changed the user's factors go on at the new version, while every
 * other session ends. Passed to the jwt callback through next-auth's update(), whose data a
 * client can also send (any POST to /api/auth/session), so the version is taken only with
 * proof that this server made it for this very session: an HMAC under AUTH_SECRET over the
 * session's id, its user and the version.
 */
export interface SessionVersionGrant {
  sessionVersion: number;
  proof: string;
}

const GRANT_PURPOSE = "session-version grant";
const grantMessage = (claims: { sessionId: string; userId: string }, version: number) =>
  `${claims.sessionId}:${claims.userId}:${version}`;

export function sessionVersionGrant(
  claims: { sessionId: string; userId: string },
  sessionVersion: number,
): SessionVersionGrant {
  return { sessionVersion, proof: serverHmac(GRANT_PURPOSE, grantMessage(claims, sessionVersion)) };
}

const grantSchema = z.object({
  sessionVersion: z.number().int(),
  proof: z.string().max(100),
});

/** The version a grant moves this session to; null for anything else (forged, another session's, older). */
export function grantedSessionVersion(
  claims: SessionClaims & { sessionId: string },
  grant: unknown,
): number | null {
  const parsed = grantSchema.safeParse(grant);
  if (!parsed.success) return null;
  const { sessionVersion, proof } = parsed.data;
  if (sessionVersion <= claims.sessionVersion) return null;
  return serverHmacMatches(GRANT_PURPOSE, grantMessage(claims, sessionVersion), proof)
    ? sessionVersion
    : null;
}
