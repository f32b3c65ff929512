import { randomUUID } from "node:crypto";
import { z } from "zod";
import { eq, type Db, type SQL } from "@truce/db";
import { accessLog, totpCredential, user } from "@truce/db/schema";
import {
  defaultMembership,
  listMemberships,
  mayUseApp,
  type SessionClaims,
  type TruceApp,
} from "./actor";
import { burnPasswordCheck, PASSWORD_MAX_LENGTH, verifyPassword } from "./password";
import {
  clearAccountFailures,
  lockedKeys,
  recordFailure,
  throttleKeys,
  type ThrottleKey,
} from "./throttle";
import {
  confirmEnrolment,
  mfaRequired,
  readMfaSettings,
  verifySecondFactor,
  type SecondFactor,
} from "./two-factor";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  // The policy counts characters; one character is at most two UTF-16 units.
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 2),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/**
 * The state between a correct password and the second step. It grants nothing: it lives
 * in the session token instead of the claims (see config.ts), so no procedure and no page
 * sees a signed-in user until the second step is done.
 */
export interface PendingSignIn {
  userId: string;
  sessionVersion: number;
  /** `totp`: enter a code (or a recovery code); `enrol`: set up an authenticator first. */
  step: "totp" | "enrol";
  /** When the password was checked, in ms since 1970. */
  startedAt: number;
  ip: string | null;
}

export type RefusalReason = "invalid_credentials" | "no_access";

export type SignInResult =
  | { status: "signed_in"; claims: SessionClaims }
  | { status: "second_step"; pending: PendingSignIn }
  | { status: "refused"; reason: RefusalReason };

interface Attempt {
  db: Db;
  app: TruceApp;
  ip: string | null;
  now: Date;
}

async function logFailure(
  { db, app, ip }: Attempt,
  userId: string | null,
  email: string,
  reason: string,
) {
  await db.insert(accessLog).values({
    action: "sign_in_failed",
    userId,
    entityType: "user",
    entityId: userId,
    ip,
    detail: { app, email, reason },
  });
}

/** Counts a failure against the keys and logs every lock it caused. */
async function countFailure(attempt: Attempt, keys: ThrottleKey[], userId: string | null) {
  const locks = await recordFailure(attempt.db, keys, attempt.now);
  for (const { key, lockedUntil } of locks) {
    await attempt.db.insert(accessLog).values({
      action: "lockout",
      // an address lock is not about the account that happened to be tried last
      userId: key.kind === "account" ? userId : null,
      entityType: key.kind === "account" ? "user" : null,
      entityId: key.kind === "account" ? userId : null,
      ip: attempt.ip,
      detail: { app: attempt.app, kind: key.kind, subject: key.subject, until: lockedUntil },
    });
  }
  return locks;
}

/**
 * Whether any of the keys is locked; if so, logs the refused attempt. With a password, it is
 * hashed all the same (not checked), so the answer takes as long as every other failure.
 */
async function refusedAsLocked(
  attempt: Attempt,
  keys: ThrottleKey[],
  who: { userId: string | null; email: string; password?: string },
): Promise<boolean> {
  if ((await lockedKeys(attempt.db, keys, attempt.now)).length === 0) return false;
  if (who.password !== undefined) await burnPasswordCheck(who.password);
  await logFailure(attempt, who.userId, who.email, "locked");
  return true;
}

/**
 * The end of every successful sign-in: records it, forgets the account's failures, and
 * makes the claims of a new session (its own id, so signing out ends this session only).
 */
async function finishSignIn(
  attempt: Attempt,
  found: { id: string; email: string; sessionVersion: number },
  factor: SecondFactor | "password",
): Promise<{ status: "signed_in"; claims: SessionClaims }> {
  const { db, app, ip, now } = attempt;
  const memberships = await listMemberships(db, found.id);
  const active = defaultMembership(app, memberships);
  await db.transaction(async (tx) => {
    await tx.update(user).set({ lastSignInAt: now }).where(eq(user.id, found.id));
    await clearAccountFailures(tx, found.email);
    await tx.insert(accessLog).values({
      action: "sign_in",
      userId: found.id,
      membershipId: active?.id ?? null,
      agencyId: active?.agencyId ?? null,
      entityType: "user",
      entityId: found.id,
      ip,
      detail: { app, factor },
    });
  });
  return {
    status: "signed_in",
    claims: {
      userId: found.id,
      sessionVersion: found.sessionVersion,
      membershipId: active?.id ?? null,
      sessionId: randomUUID(),
    },
  };
}

/** What checking someone's factors needs to know about them. */
async function findUser(db: Db, where: SQL) {
  const [found] = await db
    .select({
      id: user.id,
      email: user.email,
      passwordHash: user.passwordHash,
      disabled: user.disabled,
      platformRoles: user.platformRoles,
      sessionVersion: user.sessionVersion,
      totpSecret: totpCredential.secret,
    })
    .from(user)
    .leftJoin(totpCredential, eq(totpCredential.userId, user.id))
    .where(where)
    .limit(1);
  return found;
}

const GENERIC: SignInResult = { status: "refused", reason: "invalid_credentials" };

/**
 * The password step for one app. Every failure that could tell whether an account exists,
 * is disabled or is locked returns the same "invalid_credentials" after the same work (a
 * password hash is always computed). Failures are throttled per e-mail address and per
 * client address (throttle.ts). A correct password for an account with two-factor
 * sign-in, or one that must set it up, gives a pending sign-in, never a session.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; app: TruceApp; ip?: string | null; now?: Date },
): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return GENERIC;
  const { email, password } = parsed.data;
  const attempt: Attempt = {
    db,
    app: input.app,
    ip: input.ip ?? null,
    now: input.now ?? new Date(),
  };
  const keys = throttleKeys(email, attempt.ip);

  const found = await findUser(db, eq(user.email, email));

  if (await refusedAsLocked(attempt, keys, { userId: found?.id ?? null, email, password })) {
    return GENERIC;
  }

  const passwordOk = found
    ? await verifyPassword(found.passwordHash, password)
    : (await burnPasswordCheck(password), false);
  if (!found || !passwordOk || found.disabled) {
    await countFailure(attempt, keys, found?.id ?? null);
    await logFailure(
      attempt,
      found?.id ?? null,
      email,
      found ? "invalid_credentials" : "unknown_account",
    );
    return GENERIC;
  }

  const memberships = await listMemberships(db, found.id);
  if (!mayUseApp(input.app, memberships, found.platformRoles)) {
    await logFailure(attempt, found.id, email, "no_access");
    return { status: "refused", reason: "no_access" };
  }

  const enrolled = Boolean(found.totpSecret);
  if (enrolled || mfaRequired(await readMfaSettings(db), found.platformRoles, memberships)) {
    // The account's failures are not forgotten yet: otherwise someone who knows the
    // password could alternate it with guesses at the code without ever being locked.
    return {
      status: "second_step",
      pending: {
        userId: found.id,
        sessionVersion: found.sessionVersion,
        step: enrolled ? "totp" : "enrol",
        startedAt: attempt.now.getTime(),
        ip: attempt.ip,
      },
    };
  }
  return finishSignIn(attempt, found, "password");
}

export type SecondStepResult =
  | { status: "signed_in"; claims: SessionClaims }
  /** The code was wrong; the pending sign-in stands. */
  | { status: "retry" }
  /** Start again from the password (locked, disabled, signed out meanwhile). */
  | { status: "refused" };

/**
 * The second step of a pending sign-in: a code from the authenticator app or a recovery
 * code (step `totp`), or the first code from a newly added app (step `enrol`). Wrong codes
 * count against the account like wrong passwords, so five lock it.
 */
export async function completeSecondStep(
  db: Db,
  input: { pending: PendingSignIn; code: string; app: TruceApp; now?: Date },
): Promise<SecondStepResult> {
  const { pending } = input;
  const attempt: Attempt = { db, app: input.app, ip: pending.ip, now: input.now ?? new Date() };
  const [found] = await db
    .select({
      id: user.id,
      email: user.email,
      disabled: user.disabled,
      platformRoles: user.platformRoles,
      sessionVersion: user.sessionVersion,
    })
    .from(user)
    .where(eq(user.id, pending.userId))
    .limit(1);
  // Disabled, signed out everywhere or moved to other roles since the password step.
  if (!found || found.disabled || found.sessionVersion !== pending.sessionVersion) {
    return { status: "refused" };
  }
  if (!mayUseApp(input.app, await listMemberships(db, found.id), found.platformRoles)) {
    return { status: "refused" };
  }
  const keys = throttleKeys(found.email, null);
  if (await refusedAsLocked(attempt, keys, { userId: found.id, email: found.email })) {
    return { status: "refused" };
  }

  const code = input.code.slice(0, 64);
  const factor: SecondFactor | null =
    pending.step === "totp"
      ? await verifySecondFactor(db, found.id, code, attempt.now)
      : (await confirmEnrolment(db, found.id, code, attempt.now))
        ? "totp"
        : null;
  if (!factor) {
    const locks = await countFailure(attempt, keys, found.id);
    await logFailure(attempt, found.id, found.email, "second_factor");
    return locks.length > 0 ? { status: "refused" } : { status: "retry" };
  }
  return finishSignIn(attempt, found, factor);
}

/**
 * Full re-authentication before a change to how the person signs in (ASVS 5.0 7.5.1): the
 * password, and with two-factor sign-in set up also a code from the app or a recovery
 * code. Failures are throttled and logged like those at sign-in.
 */
export async function reauthenticate(
  db: Db,
  input: { userId: string; password: string; code?: string | null; app: TruceApp; now?: Date },
): Promise<boolean> {
  const now = input.now ?? new Date();
  const found = await findUser(db, eq(user.id, input.userId));
  if (!found || found.disabled) return false;
  const attempt: Attempt = { db, app: input.app, ip: null, now };
  const keys = throttleKeys(found.email, null);
  const who = { userId: found.id, email: found.email, password: input.password };
  if (await refusedAsLocked(attempt, keys, who)) return false;
  const password = input.password.slice(0, PASSWORD_MAX_LENGTH * 2);
  // The code is only tried after the right password, so a wrong password never spends it.
  const ok =
    (await verifyPassword(found.passwordHash, password)) &&
    (!found.totpSecret ||
      (await verifySecondFactor(db, found.id, input.code?.slice(0, 64) ?? "", now)) !== null);
  if (!ok) {
    await countFailure(attempt, keys, found.id);
    await logFailure(attempt, found.id, found.email, "reauthentication");
  }
  return ok;
}
