import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, createDb, eq, sql } from "@truce/db";
import { accessLog, agency, membership, signInThrottle, user } from "@truce/db/schema";
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { authenticate } from "./sign-in";
import { SIGN_IN_THROTTLE } from "./throttle";

let demo: DemoDatabase;
let policeId: string;
beforeAll(async () => {
  demo = await startDemoDatabase();
  const [police] = await demo.db.select().from(agency).where(eq(agency.kind, "police"));
  policeId = police!.id;
});
afterAll(async () => {
  await demo?.stop();
});

const MINUTE = 60_000;
const start = new Date("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
const GENERIC = { status: "refused", reason: "invalid_credentials" };

let counter = 0;
/** A police officer of our own, so no test locks an account another test uses. */
async function newUser(): Promise<string> {
  const email = `throttle.${++counter}@truce.example`;
  const [created] = await demo.db
    .insert(user)
    .values({ email, name: `Throttle ${counter}`, passwordHash: DEMO_PASSWORD_HASH })
    .returning();
  await demo.db
    .insert(membership)
    .values({ userId: created!.id, agencyId: policeId, role: "staff" });
  return email;
}

/** A client address of our own (addresses are throttled too). */
const address = () => `198.51.100.${++counter}`;

function attempt(email: string, password: string, now: Date, ip: string | null = null) {
  return authenticate(demo.db, { email, password, app: "web", ip, now });
}

async function fail(email: string, times: number, now: Date, ip: string | null = null) {
  for (let i = 0; i < times; i++)
    expect(await attempt(email, "wrong-password", now, ip)).toEqual(GENERIC);
}

async function lockouts(subject: string) {
  return demo.db
    .select()
    .from(accessLog)
    .where(and(eq(accessLog.action, "lockout"), sql`${accessLog.detail}->>'subject' = ${subject}`));
}

describe("throttling failed sign-ins per account", () => {
  it("locks an account after 5 wrong passwords; then even the right one gets the generic answer", async () => {
    const email = await newUser();
    expect(SIGN_IN_THROTTLE.account.failures).toBe(5);
    await fail(email, 4, at(0));
    expect((await attempt(email, DEMO_PASSWORD, at(1))).status).toBe("signed_in");
    await fail(email, 5, at(2));
    expect(await attempt(email, DEMO_PASSWORD, at(3))).toEqual(GENERIC);
    expect(await lockouts(email)).toHaveLength(1);
  });

  it("unlocks the account 15 minutes after the lock", async () => {
    const email = await newUser();
    await fail(email, 5, at(0));
    expect(await attempt(email, DEMO_PASSWORD, at(14.9))).toEqual(GENERIC);
    expect((await attempt(email, DEMO_PASSWORD, at(15.1))).status).toBe("signed_in");
  });

  it("does not lock for failures spread over more than 15 minutes", async () => {
    const email = await newUser();
    await fail(email, 4, at(0));
    await fail(email, 4, at(16));
    expect((await attempt(email, DEMO_PASSWORD, at(17))).status).toBe("signed_in");
  });

  it("logs each lockout once, however many failures follow, and does not extend it", async () => {
    const email = await newUser();
    await fail(email, 8, at(0));
    await fail(email, 3, at(10));
    const rows = await lockouts(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "lockout", entityType: "user" });
    expect(rows[0]!.userId).not.toBeNull();
    expect((await attempt(email, DEMO_PASSWORD, at(15.1))).status).toBe("signed_in");
  });

  it("locks an e-mail address without an account exactly like one with an account", async () => {
    const ghost = "no.such.account@truce.example";
    await fail(ghost, 5, at(0));
    const rows = await lockouts(ghost);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userId).toBeNull();
    const [row] = await demo.db
      .select()
      .from(signInThrottle)
      .where(eq(signInThrottle.key, `account:${ghost}`));
    expect(row?.lockedUntil?.getTime()).toBe(at(15).getTime());
  });

  it("counts failures from every app instance: the counters are in PostgreSQL", async () => {
    const email = await newUser();
    const other = createDb(demo.server.url);
    try {
      for (const db of [demo.db, other, demo.db, other, other]) {
        await authenticate(db, { email, password: "wrong-password", app: "web", now: at(0) });
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

  it("counts concurrent failures, none lost", async () => {
    const email = await newUser();
    await Promise.all(Array.from({ length: 5 }, () => attempt(email, "wrong-password", at(0))));
    expect(await attempt(email, DEMO_PASSWORD, at(1))).toEqual(GENERIC);
    expect(await lockouts(email)).toHaveLength(1);
  });
});

describe("throttling failed sign-ins per client address", () => {
  it("locks an address after 20 failures across accounts, for every account, and only that address", async () => {
    const ip = address();
    expect(SIGN_IN_THROTTLE.address.failures).toBe(20);
    // credential stuffing: a few guesses at each of many accounts, none of them locked
    for (let i = 0; i < 10; i++) await fail(`stuffed.${i}@truce.example`, 2, at(0), ip);
    const victim = await newUser();
    expect(await attempt(victim, DEMO_PASSWORD, at(1), ip)).toEqual(GENERIC);
    expect((await attempt(victim, DEMO_PASSWORD, at(1), address())).status).toBe("signed_in");
    const rows = await lockouts(ip);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: null, ip });
  });

  it("a successful sign-in clears its account's failures but not its address's", async () => {
    const ip = address();
    const email = await newUser();
    await fail(email, 4, at(0), ip);
    expect((await attempt(email, DEMO_PASSWORD, at(1), ip)).status).toBe("signed_in");
    // the account starts again from zero ...
    await fail(email, 4, at(2), ip);
    expect((await attempt(email, DEMO_PASSWORD, at(3), ip)).status).toBe("signed_in");
    // ... the address does not: one valid account must not wipe out guesses at others
    const [row] = await demo.db
      .select()
      .from(signInThrottle)
      .where(eq(signInThrottle.key, `address:${ip}`));
    expect(row?.failures).toBe(8);
  });
});
