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
import { bumpSessionVersion } from "./session";
import {
  accountKey,
  addressKey,
  forget,
  logFailure,
  pendingKey,
  underThrottle,
  type Attempt,
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

/** The keys an attempt on an account counts against: the account, and where it came from. */
function accountKeys(account: { userId: string } | { email: string }, ip: string | null) {
  return [accountKey(account), ...(ip ? [addressKey(ip)] : [])];
}

/**
 * The end of every successful sign-in: records it, forgets the account's (and the pending
 * sign-in's) failures, and makes the claims of a new session (its own id, so signing out
 * ends this session only).
 */
async function finishSignIn(
  attempt: Attempt,
  found: { id: string; sessionVersion: number },
  factor: SecondFactor | "password",
  keys: readonly ThrottleKey[],
): Promise<{ status: "signed_in"; claims: SessionClaims }> {
  const { db, app, ip, now } = attempt;
  const memberships = await listMemberships(db, found.id);
  const active = defaultMembership(app, memberships);
  await db.transaction(async (tx) => {
    await tx.update(user).set({ lastSignInAt: now }).where(eq(user.id, found.id));
    await forget(tx, keys);
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
 * password hash is always computed). The attempt takes its slots on the account and the
 * client address before the password is checked (throttle.ts), so at most the limit of
 * concurrent guesses is ever checked. A correct password for an account with two-factor
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
  const found = await findUser(db, eq(user.email, email));
  const keys = accountKeys(found ? { userId: found.id } : { email }, attempt.ip);

  const checked = await underThrottle(
    attempt,
    keys,
    {
      userId: found?.id ?? null,
      reason: found ? "invalid_credentials" : "unknown_account",
      password,
    },
    async () => {
      if (!found) {
        await burnPasswordCheck(password);
        return null;
      }
      return (await verifyPassword(found.passwordHash, password)) && !found.disabled ? found : null;
    },
  );
  if (checked.status !== "right") return GENERIC;
  const account = checked.value;

  const memberships = await listMemberships(db, account.id);
  if (!mayUseApp(input.app, memberships, account.platformRoles)) {
    await logFailure(attempt, account.id, "no_access");
    return { status: "refused", reason: "no_access" };
  }

  const enrolled = Boolean(account.totpSecret);
  if (enrolled || mfaRequired(await readMfaSettings(db), account.platformRoles, memberships)) {
    // The account's failures are not forgotten yet: otherwise someone who knows the
    // password could alternate it with guesses at the code without ever being locked.
    return {
      status: "second_step",
      pending: {
        userId: account.id,
        sessionVersion: account.sessionVersion,
        step: enrolled ? "totp" : "enrol",
        startedAt: attempt.now.getTime(),
        ip: attempt.ip,
      },
    };
  }
  return finishSignIn(attempt, account, "password", keys);
}

export type SecondStepResult =
  | { status: "signed_in"; claims: SessionClaims }
  /** The code was wrong; the pending sign-in stands. */
  | { status: "retry" }
  /** Start again from the password (locked, disabled, signed out meanwhile). */
  | { status: "refused" };

/** The session version moved on between the password and the code: start again. */
class SessionMovedOn extends Error {}

/**
 * The second step of a pending sign-in: a code from the authenticator app or a recovery
 * code (step `totp`), or the first code from a newly added app (step `enrol`). Each code
 * takes a slot on the account, on the address the password came from and on this pending
 * sign-in before it is checked, so wrong codes lock them like wrong passwords. Setting up
 * the app ends the user's other sessions; the session this step starts has the new version.
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
  const keys = [...accountKeys({ userId: found.id }, pending.ip), pendingKey(pending)];
  const code = input.code.slice(0, 64);
  const now = attempt.now;

  const verify = async (): Promise<{ factor: SecondFactor; sessionVersion: number } | null> => {
    if (pending.step === "totp") {
      const factor = await verifySecondFactor(db, found.id, code, now);
      return factor ? { factor, sessionVersion: found.sessionVersion } : null;
    }
    return db.transaction(async (tx) => {
      if (!(await confirmEnrolment(tx, found.id, code, now))) return null;
      const sessionVersion = await bumpSessionVersion(tx, found.id, found.sessionVersion);
      if (sessionVersion === null) throw new SessionMovedOn();
      return { factor: "totp" as const, sessionVersion };
    });
  };

  let checked;
  try {
    checked = await underThrottle(
      attempt,
      keys,
      { userId: found.id, reason: "second_factor" },
      verify,
    );
  } catch (error) {
    if (error instanceof SessionMovedOn) return { status: "refused" };
    throw error;
  }
  if (checked.status === "locked") return { status: "refused" };
  if (checked.status === "wrong")
    return checked.locked ? { status: "refused" } : { status: "retry" };
  const { factor, sessionVersion } = checked.value;
  return finishSignIn(attempt, { id: found.id, sessionVersion }, factor, keys);
}

export type ReauthenticationResult = "ok" | "wrong" | "locked";

/**
 * Full re-authentication before a change to how the person signs in (ASVS 5.0 7.5.1): the
 * password, and with two-factor sign-in set up also a code from the app or a recovery
 * code. Throttled, and logged, like the factors at sign-in: the same slots on the account
 * and the address.
 */
export async function reauthenticate(
  db: Db,
  input: {
    userId: string;
    password: string;
    code?: string | null;
    app: TruceApp;
    ip?: string | null;
    now?: Date;
  },
): Promise<ReauthenticationResult> {
  const now = input.now ?? new Date();
  const found = await findUser(db, eq(user.id, input.userId));
  if (!found || found.disabled) return "wrong";
  const attempt: Attempt = { db, app: input.app, ip: input.ip ?? null, now };
  const password = input.password.slice(0, PASSWORD_MAX_LENGTH * 2);
  const checked = await underThrottle(
    attempt,
    accountKeys({ userId: found.id }, attempt.ip),
    { userId: found.id, reason: "reauthentication", password },
    async () =>
      // The code is only tried after the right password, so a wrong password never spends it.
      (await verifyPassword(found.passwordHash, password)) &&
      (!found.totpSecret ||
        (await verifySecondFactor(db, found.id, input.code?.slice(0, 64) ?? "", now)) !== null)
        ? true
        : null,
  );
  return checked.status === "right" ? "ok" : checked.status;
}
