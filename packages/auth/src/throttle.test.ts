import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, createDb, eq } from "@truce/db";
import { accessLog, signInThrottle } from "@truce/db/schema";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@truce/db/seed";
import type * as PasswordModule from "./password";
import type * as TwoFactorModule from "./two-factor";
import { verifyPassword } from "./password";
import { authenticate, completeSecondStep, type PendingSignIn } from "./sign-in";
import { demoDatabaseForTests } from "./testing";
import { accountKey, SIGN_IN_THROTTLE } from "./throttle";
import { totpCode } from "./totp";
import { verifySecondFactor } from "./two-factor";

// Every check of a password or a code goes through these two: counting their calls counts
// the attempts that were actually verified. (burnPasswordCheck calls verifyPassword inside
// its own module, so the hashing done for refused attempts is not counted.)
vi.mock("./password", async (original) => {
  const real = await original<typeof PasswordModule>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
vi.mock("./two-factor", async (original) => {
  const real = await original<typeof TwoFactorModule>();
  return { ...real, verifySecondFactor: vi.fn(real.verifySecondFactor) };
});

const tests = demoDatabaseForTests("throttle");
const { newUser } = tests;
const db = () => tests.demo.db;
beforeEach(() => {
  vi.mocked(verifyPassword).mockClear();
  vi.mocked(verifySecondFactor).mockClear();
});

const MINUTE = 60_000;
const start = new Date("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
const GENERIC = { status: "refused", reason: "invalid_credentials" };

let counter = 0;
/** A client address of our own (addresses are throttled too). */
const address = () => `198.51.100.${++counter}`;

function attempt(email: string, password: string, now: Date, ip: string | null = null) {
  return authenticate(db(), { email, password, app: "web", ip, now });
}

async function fail(email: string, times: number, now: Date, ip: string | null = null) {
  for (let i = 0; i < times; i++)
    expect(await attempt(email, "wrong-password", now, ip)).toEqual(GENERIC);
}

async function lockoutsOf(where: { userId: string } | { ip: string }) {
  return db()
    .select()
    .from(accessLog)
    .where(
      and(
        eq(accessLog.action, "lockout"),
        "userId" in where ? eq(accessLog.userId, where.userId) : eq(accessLog.ip, where.ip),
      ),
    );
}

/** A correct password for an enrolled officer of our own: the second step waits. */
async function pendingSignIn(
  ip: string | null = null,
): Promise<{ pending: PendingSignIn; id: string }> {
  const { email, id } = await newUser({ enrolled: true });
  const result = await authenticate(db(), {
    email,
    password: DEMO_PASSWORD,
    app: "web",
    ip,
    now: at(0),
  });
  if (result.status !== "second_step") throw new Error(`expected a second step: ${result.status}`);
  return { pending: result.pending, id };
}

/** A code for the second step of `pending`, at minute `minutes`, through `pool`. */
function code(pending: PendingSignIn, value: string, minutes: number, pool = db()) {
  return completeSecondStep(pool, { pending, code: value, app: "web", now: at(minutes) });
}
const rightCode = (minutes: number) => totpCode(DEMO_TOTP_SECRET, at(minutes));

async function throttleRow(key: string) {
  const [row] = await db().select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row;
}

describe("throttling failed sign-ins per account", () => {
  it("locks an account after 5 wrong passwords; then even the right one gets the generic answer", async () => {
    const { email, id } = await newUser();
    expect(SIGN_IN_THROTTLE.account.failures).toBe(5);
    await fail(email, 4, at(0));
    expect((await attempt(email, DEMO_PASSWORD, at(1))).status).toBe("signed_in");
    await fail(email, 5, at(2));
    vi.mocked(verifyPassword).mockClear();
    expect(await attempt(email, DEMO_PASSWORD, at(3))).toEqual(GENERIC);
    // locked: the password was not even checked
    expect(verifyPassword).not.toHaveBeenCalled();
    expect(await lockoutsOf({ userId: id })).toHaveLength(1);
  });

  it("unlocks the account 15 minutes after the lock", async () => {
    const { email } = await newUser();
    await fail(email, 5, at(0));
    expect(await attempt(email, DEMO_PASSWORD, at(14.9))).toEqual(GENERIC);
    expect((await attempt(email, DEMO_PASSWORD, at(15.1))).status).toBe("signed_in");
  });

  it("does not lock for failures spread over more than 15 minutes", async () => {
    const { email } = await newUser();
    await fail(email, 4, at(0));
    await fail(email, 4, at(16));
    expect((await attempt(email, DEMO_PASSWORD, at(17))).status).toBe("signed_in");
  });

  it("keeps a lock for its 15 minutes even when the window of its first failure has passed", async () => {
    const { email } = await newUser();
    await fail(email, 1, at(0));
    await fail(email, 4, at(10));
    // the window that began at 0 is over at 15; the lock from 10 lasts until 25
    expect(await attempt(email, DEMO_PASSWORD, at(16))).toEqual(GENERIC);
    expect((await attempt(email, DEMO_PASSWORD, at(25.1))).status).toBe("signed_in");
  });

  it("logs each lockout once, however many failures follow, and does not extend it", async () => {
    const { email, id } = await newUser();
    await fail(email, 8, at(0));
    await fail(email, 3, at(10));
    const rows = await lockoutsOf({ userId: id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "lockout", entityType: "user", entityId: id });
    expect(rows[0]!.detail).toMatchObject({ kind: "account" });
    expect((await attempt(email, DEMO_PASSWORD, at(15.1))).status).toBe("signed_in");
  });

  it("locks an e-mail address without an account exactly like one with an account", async () => {
    const ghost = "no.such.account@truce.example";
    await fail(ghost, 5, at(0));
    expect(await attempt(ghost, DEMO_PASSWORD, at(1))).toEqual(GENERIC);
    const row = await throttleRow(accountKey({ email: ghost }).key);
    expect(row?.lockedUntil?.getTime()).toBe(at(15).getTime());
  });

  it("counts failures from every app instance: the counters are in PostgreSQL", async () => {
    const { email } = await newUser();
    const other = createDb(tests.demo.appUrl);
    try {
      for (const pool of [db(), other, db(), other, other]) {
        await authenticate(pool, { email, password: "wrong-password", app: "web", now: at(0) });
      }
      const result = await authenticate(other, {
        email,
        password: DEMO_PASSWORD,
        app: "web",
        now: at(1),
      });
      expect(result).toEqual(GENERIC);
    } finally {
      await other.close();
    }
  });
});

describe("an attempt takes its slot before it is verified, so concurrent attempts cannot race the lock", () => {
  it("verifies at most 5 of 100 concurrent wrong passwords on one account, from two app instances", async () => {
    const { email, id } = await newUser();
    const other = createDb(tests.demo.appUrl);
    try {
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          authenticate(i % 2 ? other : db(), {
            email,
            password: `wrong-password-${i}`,
            app: "web",
            now: at(0),
          }),
        ),
      );
      expect(results.every((r) => r.status === "refused")).toBe(true);
      expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(5);
      expect(vi.mocked(verifyPassword).mock.calls.length).toBeGreaterThan(0);
      expect(await lockoutsOf({ userId: id })).toHaveLength(1);
      // the right password after the lock is refused all the same
      expect(await attempt(email, DEMO_PASSWORD, at(1))).toEqual(GENERIC);
    } finally {
      await other.close();
    }
  });

  it("verifies at most 20 of 50 concurrent wrong passwords from one address across 25 accounts", async () => {
    const ip = address();
    const accounts = await Promise.all(Array.from({ length: 25 }, () => newUser()));
    await Promise.all(
      accounts.flatMap(({ email }) =>
        [0, 1].map(() => attempt(email, "wrong-password", at(0), ip)),
      ),
    );
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(20);
    expect(await lockoutsOf({ ip })).toHaveLength(1);
    // no account reached its own limit, yet from this address even a right password is refused
    const { email } = await newUser();
    expect(await attempt(email, DEMO_PASSWORD, at(1), ip)).toEqual(GENERIC);
    expect((await attempt(email, DEMO_PASSWORD, at(1), address())).status).toBe("signed_in");
  });

  it("verifies at most 5 of 60 concurrent wrong codes on one pending sign-in", async () => {
    const { pending } = await pendingSignIn(address());
    const near = [-1, 0, 1].map((step) => rightCode(1 + step * 0.5));
    const wrong = ["000000", "111111", "222222"].find((c) => !near.includes(c))!;
    const other = createDb(tests.demo.appUrl);
    try {
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => code(pending, wrong, 1, i % 2 ? other : db())),
      );
      expect(results.some((r) => r.status === "signed_in")).toBe(false);
    } finally {
      await other.close();
    }
    expect(vi.mocked(verifySecondFactor).mock.calls.length).toBeLessThanOrEqual(5);
    // the pending sign-in, and the account, are locked: even the right code is refused
    expect(await code(pending, rightCode(2), 2)).toEqual({ status: "refused" });
  });

  it("limits one pending sign-in to 5 codes even when the account's counter was cleared meanwhile", async () => {
    const { pending, id } = await pendingSignIn();
    for (let i = 0; i < 4; i++) expect(await code(pending, "x", 1)).toEqual({ status: "retry" });
    // the person signs in elsewhere: the account's failures are forgotten, this pending
    // sign-in's are not
    await db()
      .delete(signInThrottle)
      .where(eq(signInThrottle.key, `account:${id}`));
    expect(await code(pending, "x", 1)).toEqual({ status: "refused" });
    expect(await code(pending, rightCode(2), 2)).toEqual({ status: "refused" });
  });

  it("counts the second step's codes against the address the password came from", async () => {
    const ip = address();
    const { pending } = await pendingSignIn(ip);
    await code(pending, "x", 1);
    expect((await throttleRow(`address:${ip}`))?.failures).toBe(1);
  });
});

describe("throttling failed sign-ins per client address", () => {
  it("locks an address after 20 failures across accounts, for every account, and only that address", async () => {
    const ip = address();
    expect(SIGN_IN_THROTTLE.address.failures).toBe(20);
    // credential stuffing: a few guesses at each of many accounts, none of them locked
    for (let i = 0; i < 10; i++) await fail(`stuffed.${i}@truce.example`, 2, at(0), ip);
    const victim = await newUser();
    expect(await attempt(victim.email, DEMO_PASSWORD, at(1), ip)).toEqual(GENERIC);
    expect((await attempt(victim.email, DEMO_PASSWORD, at(1), address())).status).toBe("signed_in");
    const rows = await lockoutsOf({ ip });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: null, ip });
    expect(rows[0]!.detail).toMatchObject({ kind: "address" });
  });

  it("a successful sign-in clears its account's failures but not its address's", async () => {
    const ip = address();
    const { email, id } = await newUser();
    await fail(email, 4, at(0), ip);
    expect((await attempt(email, DEMO_PASSWORD, at(1), ip)).status).toBe("signed_in");
    expect(await throttleRow(`account:${id}`)).toBeUndefined();
    // the account starts again from zero ...
    await fail(email, 4, at(2), ip);
    expect((await attempt(email, DEMO_PASSWORD, at(3), ip)).status).toBe("signed_in");
    // ... the address does not: one valid account must not wipe out guesses at others.
    // The right passwords gave their slots back: only the 8 failures are counted.
    expect((await throttleRow(`address:${ip}`))?.failures).toBe(8);
  });

  it("a refusal on one key gives back the slots taken on the others", async () => {
    // a locked address: the account's slot (taken first, keys go in sorted order) goes back
    const ip = address();
    for (let i = 0; i < 10; i++) await fail(`stuffed.again.${i}@truce.example`, 2, at(0), ip);
    const { email, id } = await newUser();
    for (let i = 0; i < 3; i++) {
      expect(await attempt(email, DEMO_PASSWORD, at(1), ip)).toEqual(GENERIC);
    }
    expect((await throttleRow(`account:${id}`))?.failures ?? 0).toBe(0);
    // a locked account: nothing is counted against the address it was tried from
    const locked = await newUser();
    await fail(locked.email, 5, at(0));
    const elsewhere = address();
    for (let i = 0; i < 3; i++) {
      expect(await attempt(locked.email, DEMO_PASSWORD, at(1), elsewhere)).toEqual(GENERIC);
    }
    expect((await throttleRow(`address:${elsewhere}`))?.failures ?? 0).toBe(0);
  });
});
