import { and, eq, gt, inArray, isNull, lt, or, sql, type DbOrTx } from "@truce/db";
import { signInThrottle } from "@truce/db/schema";

const MINUTE = 60_000;

/**
 * How many failed sign-ins are allowed before a lock, and for how long. Per account: a
 * password guesser gets 5 tries per quarter hour on any one account. Per client address,
 * higher: one office behind one address has many honest typists, while one address trying
 * many accounts (credential stuffing) is still stopped. See docs/security.md.
 */
export const SIGN_IN_THROTTLE = {
  account: { failures: 5, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE },
  address: { failures: 20, windowMs: 15 * MINUTE, lockoutMs: 15 * MINUTE },
} as const;

export type ThrottleKind = keyof typeof SIGN_IN_THROTTLE;

export interface ThrottleKey {
  kind: ThrottleKind;
  /** The row's key: `account:<e-mail>` or `address:<ip>`. */
  key: string;
  /** The e-mail address or the client address. */
  subject: string;
}

/**
 * The counters one attempt touches. The account is named by the e-mail address as typed
 * (normalised), not by a user id, so an address without an account locks exactly like one
 * with an account and lockouts reveal nothing about which accounts exist.
 */
export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ kind: "account", key: `account:${email}`, subject: email }];
  if (ip) keys.push({ kind: "address", key: `address:${ip}`, subject: ip });
  return keys;
}

/** The keys among `keys` that are locked at `now`. */
export async function lockedKeys(
  db: DbOrTx,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<ThrottleKey[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select({ key: signInThrottle.key })
    .from(signInThrottle)
    .where(
      and(
        inArray(
          signInThrottle.key,
          keys.map((k) => k.key),
        ),
        gt(signInThrottle.lockedUntil, now),
      ),
    );
  const locked = new Set(rows.map((r) => r.key));
  return keys.filter((k) => locked.has(k.key));
}

/**
 * Counts one failure against each key, in one statement per key so that concurrent
 * failures on several app instances are all counted. A key's count starts again when its
 * window has passed or its lock has ended. Returns the keys that this failure locked (the
 * caller logs each lockout once: only the failure that reaches the limit returns it).
 */
export async function recordFailure(
  db: DbOrTx,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<{ key: ThrottleKey; lockedUntil: Date }[]> {
  const lockedNow: { key: ThrottleKey; lockedUntil: Date }[] = [];
  const at = now.toISOString();
  for (const key of keys) {
    const rule = SIGN_IN_THROTTLE[key.kind];
    const windowStart = new Date(now.getTime() - rule.windowMs).toISOString();
    const lockUntil = new Date(now.getTime() + rule.lockoutMs);
    const t = signInThrottle;
    const fresh = sql`(${t.windowStartedAt} <= ${windowStart}::timestamptz
      or (${t.lockedUntil} is not null and ${t.lockedUntil} <= ${at}::timestamptz))`;
    const failures = sql`(case when ${fresh} then 1 else ${t.failures} + 1 end)`;
    const [row] = await db
      .insert(t)
      .values({
        key: key.key,
        failures: 1,
        windowStartedAt: now,
        lockedUntil: rule.failures <= 1 ? lockUntil : null,
      })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          failures,
          windowStartedAt: sql`case when ${fresh} then ${at}::timestamptz else ${t.windowStartedAt} end`,
          // A lock in force is never extended: failures that raced past the check before
          // the lock count, but do not keep the account locked for longer.
          lockedUntil: sql`case
            when not ${fresh} and ${t.lockedUntil} > ${at}::timestamptz then ${t.lockedUntil}
            when ${failures} >= ${rule.failures} then ${lockUntil.toISOString()}::timestamptz
            else null end`,
        },
      })
      .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
    if (row && row.failures === rule.failures && row.lockedUntil) {
      lockedNow.push({ key, lockedUntil: row.lockedUntil });
    }
  }
  // Counters whose window has passed and that hold no lock mean nothing any more.
  const longest = Math.max(SIGN_IN_THROTTLE.account.windowMs, SIGN_IN_THROTTLE.address.windowMs);
  await db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.windowStartedAt, new Date(now.getTime() - longest)),
        or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, now)),
      ),
    );
  return lockedNow;
}

/**
 * Forgets an account's failures after a complete sign-in (password and, where asked, the
 * second factor). Never an address's: see docs/security.md.
 */
export async function clearAccountFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, `account:${email}`));
}
