import { z } from "zod";
import { lt, type Db } from "@truce/db";
import { accessLog, revokedSession } from "@truce/db/schema";
import type { SessionClaims } from "./actor";
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
