import { and, eq, inArray, isNull, lt, or, sql, type Db, type DbOrTx } from "@truce/db";
import { accessLog, signInThrottle } from "@truce/db/schema";
import type { TruceApp } from "./actor";
import { burnPasswordCheck } from "./password";
import { serverHmac } from "./server-secret";

const MINUTE = 60_000;

/**
 * How many failed attempts are allowed before a lock, and for how long. Per account: a
 * password guesser gets 5 tries per quarter hour on any one account. Per client address,
 * higher: one office behind one address has many honest typists, while one address trying
 * many accounts (credential stuffing) is still stopped. Per pending sign-in: 5 codes for
 * one correct password. See docs/security.md.
 */
export const SIGN_IN_THROTTLE = {
  account: { failures: 5, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE },
  address: { failures: 20, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE },
  pending: { failures: 5, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE },
} as const;

export type ThrottleKind = keyof typeof SIGN_IN_THROTTLE;

export interface ThrottleKey {
  kind: ThrottleKind;
  /** The row's key in sign_in_throttle. */
  key: string;
}

/**
 * The account's counter. An existing account is named by its id (so an administrator can
 * lift its lock by id); an e-mail address without an account by an HMAC of the address, so
 * it locks exactly like a real one and nothing typed into the field (a password, by
 * mistake) is ever stored as it was typed.
 */
export function accountKey(account: { userId: string } | { email: string }): ThrottleKey {
  const name =
    "userId" in account ? account.userId : serverHmac("sign-in throttle e-mail", account.email);
  return { kind: "account", key: `account:${name}` };
}

export function addressKey(ip: string): ThrottleKey {
  return { kind: "address", key: `address:${ip}` };
}

/** One pending sign-in (one correct password): its user and when the password was checked. */
export function pendingKey(pending: { userId: string; startedAt: number }): ThrottleKey {
  return { kind: "pending", key: `pending:${pending.userId}:${pending.startedAt}` };
}

/** A slot one attempt holds on one key, in the window it was taken in. */
export interface Slot {
  key: ThrottleKey;
  windowStartedAt: Date;
}

class Refused extends Error {}

/**
 * Takes one slot on every key, all or none, before anything is verified: this is the
 * check and the count in one step. A row's `failures` is the number of slots taken in its
 * window: failures counted so far plus attempts still being verified. A key refuses a slot
 * while it is locked or while all its slots are taken, so however many attempts arrive at
 * once (on however many app instances), at most the limit of them are verified.
 *
 * Each key is one `insert … on conflict do update … where`, which locks the row, so
 * concurrent attempts queue on it and each sees the count the one before it left. The keys
 * are taken in one transaction in sorted order (no two attempts wait on each other's rows in
 * opposite orders), and a refusal on any key rolls back the slots already taken on the
 * others. Returns null when refused.
 */
export async function takeSlots(
  db: Db,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<Slot[] | null> {
  const sorted = [...new Map(keys.map((k) => [k.key, k])).values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const at = now.toISOString();
  const t = signInThrottle;
  try {
    return await db.transaction(async (tx) => {
      const slots: Slot[] = [];
      for (const key of sorted) {
        const rule = SIGN_IN_THROTTLE[key.kind];
        const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
        const lockInForce = sql`coalesce(${t.lockedUntil} > ${at}::timestamptz, false)`;
        // Counting starts again once the window has passed or a lock has run out.
        const fresh = sql`(not ${lockInForce} and (${t.windowStartedAt} <= ${windowStart}::timestamptz
          or ${t.lockedUntil} is not null))`;
        const [row] = await tx
          .insert(t)
          .values({ key: key.key, failures: 1, windowStartedAt: now, lockedUntil: null })
          .onConflictDoUpdate({
            target: t.key,
            set: {
              failures: sql`case when ${fresh} then 1 else ${t.failures} + 1 end`,
              windowStartedAt: sql`case when ${fresh} then ${at}::timestamptz else ${t.windowStartedAt} end`,
              lockedUntil: sql`case when ${fresh} then null else ${t.lockedUntil} end`,
            },
            setWhere: sql`not ${lockInForce} and (${fresh} or ${t.failures} < ${rule.failures})`,
          })
          .returning({ windowStartedAt: t.windowStartedAt });
        if (!row) throw new Refused();
        slots.push({ key, windowStartedAt: row.windowStartedAt });
      }
      return slots;
    });
  } catch (error) {
    if (error instanceof Refused) return null;
    throw error;
  }
}

/**
 * The attempt was right: its slots are free again. Only in the window they were taken in
 * (a window that has started again since counts from nothing).
 */
export async function giveBackSlots(db: DbOrTx, slots: readonly Slot[]): Promise<void> {
  for (const slot of slots) {
    await db
      .update(signInThrottle)
      .set({ failures: sql`${signInThrottle.failures} - 1` })
      .where(
        and(
          eq(signInThrottle.key, slot.key.key),
          eq(signInThrottle.windowStartedAt, slot.windowStartedAt),
          sql`${signInThrottle.failures} > 0`,
        ),
      );
  }
}

/**
 * The attempt was wrong: its slots stay taken, now as failures, and a key whose slots are
 * all taken is locked. Only one failure can set a key's lock (the update's condition is
 * that there is none), so it returns exactly the keys this failure locked, and the caller
 * logs each lockout once. An attempt still being verified counts as a failure until it
 * gives its slot back, so under concurrency a lock can come one honest attempt early;
 * never late.
 */
export async function keepAsFailures(
  db: DbOrTx,
  slots: readonly Slot[],
  now: Date,
): Promise<{ key: ThrottleKey; lockedUntil: Date }[]> {
  const locked: { key: ThrottleKey; lockedUntil: Date }[] = [];
  for (const slot of slots) {
    const rule = SIGN_IN_THROTTLE[slot.key.kind];
    const [row] = await db
      .update(signInThrottle)
      .set({ lockedUntil: new Date(now.getTime() + rule.lockoutMs) })
      .where(
        and(
          eq(signInThrottle.key, slot.key.key),
          eq(signInThrottle.windowStartedAt, slot.windowStartedAt),
          sql`${signInThrottle.failures} >= ${rule.failures}`,
          isNull(signInThrottle.lockedUntil),
        ),
      )
      .returning({ lockedUntil: signInThrottle.lockedUntil });
    if (row?.lockedUntil) locked.push({ key: slot.key, lockedUntil: row.lockedUntil });
  }
  // Counters whose window has passed and that hold no lock mean nothing any more.
  const longest = Math.max(...Object.values(SIGN_IN_THROTTLE).map((rule) => rule.windowMs));
  await db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.windowStartedAt, new Date(now.getTime() - longest)),
        or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, now)),
      ),
    );
  return locked;
}

/**
 * Forgets counters after a complete sign-in (password and, where asked, the second
 * factor): the account's and the pending sign-in's, never an address's (docs/security.md).
 * Attempts on the account still being verified at that moment are forgiven with them.
 */
export async function forget(db: DbOrTx, keys: readonly ThrottleKey[]): Promise<void> {
  const forgettable = keys.filter((k) => k.kind !== "address").map((k) => k.key);
  if (forgettable.length === 0) return;
  await db.delete(signInThrottle).where(inArray(signInThrottle.key, forgettable));
}

/** One attempt to prove a factor: where from, when, in which app. */
export interface Attempt {
  db: Db;
  app: TruceApp;
  ip: string | null;
  now: Date;
}

/** Why an attempt failed, as the access log records it (docs/security.md). */
export type FailureReason =
  | "invalid_credentials"
  | "unknown_account"
  | "locked"
  | "no_access"
  | "second_factor"
  | "reauthentication"
  | "enrolment_code";

/**
 * A failed attempt in the access log: the account when one matched, never what was typed
 * (a password typed into the e-mail field must not be kept).
 */
export async function logFailure(
  { db, app, ip }: Attempt,
  userId: string | null,
  reason: FailureReason,
) {
  await db.insert(accessLog).values({
    action: "sign_in_failed",
    userId,
    entityType: userId ? "user" : null,
    entityId: userId,
    ip,
    detail: { app, reason },
  });
}

async function logLockouts(
  attempt: Attempt,
  locks: { key: ThrottleKey; lockedUntil: Date }[],
  userId: string | null,
) {
  for (const { key, lockedUntil } of locks) {
    // an address lock is not about the account that happened to be tried last
    const who = key.kind === "address" ? null : userId;
    await attempt.db.insert(accessLog).values({
      action: "lockout",
      userId: who,
      entityType: who ? "user" : null,
      entityId: who,
      ip: attempt.ip,
      // the locked address is the row's ip; an account is named by userId or not at all
      detail: { app: attempt.app, kind: key.kind, until: lockedUntil },
    });
  }
}

export type Throttled<T> =
  { status: "locked" } | { status: "wrong"; locked: boolean } | { status: "right"; value: T };

/**
 * Verifies one attempt under the throttle: a slot on every key first, then `verify` (null
 * for wrong), then the slots given back (right) or kept as failures (wrong), every failure
 * and lockout logged. A refused attempt gets no verification but the same work as one that
 * failed it: a password is hashed all the same. An attempt whose verification throws keeps
 * its slots: it counts as a failure.
 */
export async function underThrottle<T>(
  attempt: Attempt,
  keys: readonly ThrottleKey[],
  failure: { userId: string | null; reason: FailureReason; password?: string },
  verify: () => Promise<T | null>,
): Promise<Throttled<T>> {
  const slots = await takeSlots(attempt.db, keys, attempt.now);
  if (!slots) {
    if (failure.password !== undefined) await burnPasswordCheck(failure.password);
    await logFailure(attempt, failure.userId, "locked");
    return { status: "locked" };
  }
  const value = await verify();
  if (value === null) {
    const locks = await keepAsFailures(attempt.db, slots, attempt.now);
    await logLockouts(attempt, locks, failure.userId);
    await logFailure(attempt, failure.userId, failure.reason);
    return { status: "wrong", locked: locks.length > 0 };
  }
  await giveBackSlots(attempt.db, slots);
  return { status: "right", value };
}
