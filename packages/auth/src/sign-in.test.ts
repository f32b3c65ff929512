import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq, sql } from "@truce/db";
import { accessLog, signInThrottle, user } from "@truce/db/schema";
import { DEMO_PASSWORD } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { loadActor, type SessionClaims } from "./actor";
import { endSession } from "./session";
import { authenticate } from "./sign-in";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

async function lastLogRow() {
  const [row] = await demo.db.select().from(accessLog).orderBy(desc(accessLog.id)).limit(1);
  return row;
}

/** Signs in with the demo password, expecting a session straight away. */
async function signIn(email: string, app: "web" | "admin" = "web") {
  const result = await authenticate(demo.db, { email, password: DEMO_PASSWORD, app });
  if (result.status !== "signed_in") throw new Error(`${email} could not sign in`);
  return result.claims;
}

describe("signing in with e-mail and password", () => {
  it("signs a police officer in to the web app as their police membership and logs it", async () => {
    const result = await authenticate(demo.db, {
      email: "Police.Staff@truce.example ",
      password: DEMO_PASSWORD,
      app: "web",
      ip: "127.0.0.1",
    });
    expect(result.status).toBe("signed_in");
    if (result.status !== "signed_in") return;
    expect(result.claims.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const actor = await loadActor(demo.db, result.claims);
    expect(actor?.email).toBe("police.staff@truce.example");
    expect(actor?.membership?.agencyKind).toBe("police");
    expect(actor?.membership?.role).toBe("staff");
    const log = await lastLogRow();
    expect(log).toMatchObject({ action: "sign_in", userId: result.claims.userId, ip: "127.0.0.1" });
    expect(log?.detail).toMatchObject({ app: "web", factor: "password" });
  });

  it("gives the same answer for a wrong password and an unknown account, and logs both", async () => {
    const wrong = await authenticate(demo.db, {
      email: "police.staff@truce.example",
      password: "not-the-password",
      app: "web",
    });
    expect(wrong).toEqual({ status: "refused", reason: "invalid_credentials" });
    expect(await lastLogRow()).toMatchObject({ action: "sign_in_failed" });
    const unknown = await authenticate(demo.db, {
      email: "nobody@truce.example",
      password: DEMO_PASSWORD,
      app: "web",
    });
    expect(unknown).toEqual(wrong);
    expect(await lastLogRow()).toMatchObject({ action: "sign_in_failed", userId: null });
  });

  it("refuses a disabled user with the generic answer", async () => {
    const result = await authenticate(demo.db, {
      email: "disabled@truce.example",
      password: DEMO_PASSWORD,
      app: "web",
    });
    expect(result).toEqual({ status: "refused", reason: "invalid_credentials" });
  });

  it("admits only admins and auditors to the admin app", async () => {
    const staff = await authenticate(demo.db, {
      email: "police.staff@truce.example",
      password: DEMO_PASSWORD,
      app: "admin",
    });
    expect(staff).toEqual({ status: "refused", reason: "no_access" });
    for (const email of [
      "platform.admin@truce.example",
      "auditor@truce.example",
      "agency.admin@truce.example",
    ]) {
      const result = await authenticate(demo.db, { email, password: DEMO_PASSWORD, app: "admin" });
      expect(result.status, email).toBe("signed_in");
    }
  });

  it("keeps admins without a case role out of the web app", async () => {
    const result = await authenticate(demo.db, {
      email: "platform.admin@truce.example",
      password: DEMO_PASSWORD,
      app: "web",
    });
    expect(result).toEqual({ status: "refused", reason: "no_access" });
  });

  it("drops a session whose version is stale or whose user was disabled", async () => {
    const claims = await signIn("exit.staff@truce.example");
    expect(await loadActor(demo.db, claims)).not.toBeNull();
    expect(
      await loadActor(demo.db, { ...claims, sessionVersion: claims.sessionVersion + 1 }),
    ).toBeNull();
    await demo.db.update(user).set({ disabled: true }).where(eq(user.id, claims.userId));
    try {
      expect(await loadActor(demo.db, claims)).toBeNull();
    } finally {
      await demo.db.update(user).set({ disabled: false }).where(eq(user.id, claims.userId));
    }
  });

  it("ends a signed-out session at once, server-side, and only that session", async () => {
    const signedOut = await signIn("social.staff@truce.example");
    const other = await signIn("social.staff@truce.example");
    expect(signedOut.sessionId).not.toBe(other.sessionId);
    await endSession(demo.db, signedOut as Required<SessionClaims>, Date.now());
    // a copy of the signed-out token gets nothing, however valid its signature
    expect(await loadActor(demo.db, signedOut)).toBeNull();
    expect(await loadActor(demo.db, other)).not.toBeNull();
    expect(await lastLogRow()).toMatchObject({ action: "sign_out", userId: signedOut.userId });
  });
});

describe("a failed sign-in keeps nothing of what was typed", () => {
  /** Every place a failed sign-in writes to, as text. */
  async function everythingStored() {
    const log = await demo.db.select({ row: sql<string>`${accessLog}::text` }).from(accessLog);
    const throttle = await demo.db.select({ key: signInThrottle.key }).from(signInThrottle);
    return [...log.map((r) => r.row), ...throttle.map((r) => r.key)].join("\n");
  }

  it("stores neither a password typed into the e-mail field nor the text around it, even when it locks", async () => {
    // someone types their password where the e-mail address goes (it happens to look like one)
    const typed = "Correct-Horse-Battery@staple.example";
    for (let i = 0; i < 6; i++) {
      await authenticate(demo.db, { email: typed, password: "x", app: "web", ip: "192.0.2.7" });
    }
    const stored = (await everythingStored()).toLowerCase();
    expect(stored).not.toContain("correct-horse-battery");
    expect(stored).not.toContain("staple.example");
    const rows = await demo.db
      .select()
      .from(accessLog)
      .where(eq(accessLog.ip, "192.0.2.7"))
      .orderBy(desc(accessLog.id));
    expect(rows.map((r) => r.action)).toContain("lockout");
    expect(rows.every((r) => r.userId === null)).toBe(true);
  });

  it("names the account by its id when one matches, without the e-mail address", async () => {
    await authenticate(demo.db, {
      email: "Probation.Staff@truce.example",
      password: "not-the-password",
      app: "web",
    });
    const [probation] = await demo.db
      .select()
      .from(user)
      .where(eq(user.email, "probation.staff@truce.example"));
    const log = await lastLogRow();
    expect(log).toMatchObject({ action: "sign_in_failed", userId: probation!.id });
    expect(JSON.stringify(log?.detail)).not.toContain("probation.staff");
    expect(log?.detail).toEqual({ app: "web", reason: "invalid_credentials" });
  });
});
