import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import { and, eq } from "@truce/db";
import { accessLog } from "@truce/db/schema";
import { DEMO_PASSWORD } from "@truce/db/seed";
import {
  confirmNewAuthenticator,
  renewRecoveryCodes,
  signOutOtherSessions,
  startNewAuthenticator,
  type AskingSession,
} from "./account-changes";
import { loadActor } from "./actor";
import { createAuthConfig } from "./config";
import { signInStage } from "./next-actions";
import { sessionVersionGrant } from "./session";
import { authenticate, reauthenticate } from "./sign-in";
import { demoDatabaseForTests } from "./testing";
import { totpCode } from "./totp";
import type * as TwoFactorModule from "./two-factor";
import { confirmEnrolment } from "./two-factor";

// Counting the checks of a code counts the codes that were actually verified.
vi.mock("./two-factor", async (original) => {
  const real = await original<typeof TwoFactorModule>();
  return { ...real, confirmEnrolment: vi.fn(real.confirmEnrolment) };
});

const tests = demoDatabaseForTests("account");
const db = () => tests.demo.db;
beforeEach(() => {
  vi.mocked(confirmEnrolment).mockClear();
});

/** A person of our own, and a session of theirs as a browser would hold it (its claims). */
async function newPerson() {
  const { email } = await tests.newUser();
  return { email, here: await signIn(email) };
}

async function signIn(email: string): Promise<AskingSession> {
  const result = await authenticate(db(), { email, password: DEMO_PASSWORD, app: "web" });
  if (result.status !== "signed_in" || !result.claims.sessionId) throw new Error("no session");
  return { ...result.claims, sessionId: result.claims.sessionId };
}

const alive = async (session: AskingSession) => (await loadActor(db(), session)) !== null;

/** What the session's jwt callback makes of the data a server action sends with update(). */
async function updateToken(session: AskingSession, data: unknown): Promise<AskingSession> {
  const { callbacks } = createAuthConfig("web");
  const token = await callbacks!.jwt!({
    token: { claims: session, signedInAt: Date.now() } as unknown as JWT,
    trigger: "update",
    session: data,
  } as never);
  return (token as unknown as { claims: AskingSession }).claims;
}

/** The asking session takes the version its change granted it, as the server action does. */
const goOn = (session: AskingSession, sessionVersion: number) =>
  updateToken(session, { sessionVersionGrant: sessionVersionGrant(session, sessionVersion) });

/** A new app shown to `session` after re-authenticating, and a way to send it codes. */
async function showNewApp(session: AskingSession, email: string) {
  const now = new Date();
  const shown = await startNewAuthenticator(db(), session, email, now);
  if (!shown) throw new Error("no secret shown");
  const right = totpCode(shown.enrolment.secret.replace(/\s/g, ""), now);
  const send = (code: string, from = session, ticket = shown.ticket) =>
    confirmNewAuthenticator(db(), {
      session: from,
      email,
      ticket,
      code,
      app: "web",
      ip: null,
      now,
    });
  return { ...shown, right, send };
}

describe("a change of sign-in factors ends the person's other sessions; the one that made it goes on", () => {
  it("setting up an authenticator app on the account page", async () => {
    const { email, here } = await newPerson();
    const elsewhere = await signIn(email);
    const app = await showNewApp(here, email);
    const result = await app.send(app.right);
    if (result.status !== "done") throw new Error(`not done: ${result.status}`);
    expect(result.recoveryCodes).toHaveLength(10);
    expect(await alive(elsewhere)).toBe(false);
    // the asking session's token, until its jwt callback takes the grant, is stale too
    expect(await alive(here)).toBe(false);
    expect(await alive(await goOn(here, result.sessionVersion))).toBe(true);
  });

  it("making new recovery codes", async () => {
    const { email, here } = await newPerson();
    const app = await showNewApp(here, email);
    const enrolled = await app.send(app.right);
    if (enrolled.status !== "done") throw new Error("not enrolled");
    const current = await goOn(here, enrolled.sessionVersion);
    const elsewhere = { ...current, sessionId: randomUUID() };
    expect(await alive(elsewhere)).toBe(true);

    const renewed = await renewRecoveryCodes(db(), current);
    if (renewed.status !== "done") throw new Error(`not done: ${renewed.status}`);
    expect(await alive(elsewhere)).toBe(false);
    expect(await alive(await goOn(current, renewed.sessionVersion))).toBe(true);
  });

  it('"sign out my other sessions", logged as a sign-out', async () => {
    const { email, here } = await newPerson();
    const elsewhere = await signIn(email);
    const result = await signOutOtherSessions(db(), here, "web");
    if (result.status !== "done") throw new Error("not done");
    expect(await alive(elsewhere)).toBe(false);
    const renewed = await goOn(here, result.sessionVersion);
    expect(await alive(renewed)).toBe(true);
    const [log] = await db()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, "sign_out"), eq(accessLog.userId, here.userId)));
    expect(log?.detail).toMatchObject({ scope: "other_sessions" });
    // the ended session's browser is asked for the password again, not sent round in circles
    const stage = (claims: AskingSession) =>
      signInStage(async () => ({ claims, expires: "" }), db());
    expect(await stage(elsewhere)).toBeNull();
    expect(await stage(renewed)).toBe("signed_in");
  });
});

describe("the session version a client can send through update() is never trusted", () => {
  it("adopts no version the server did not grant to that very session", async () => {
    const { email, here } = await newPerson();
    const elsewhere = await signIn(email);
    const result = await signOutOtherSessions(db(), here, "web");
    if (result.status !== "done") throw new Error("not done");
    const version = result.sessionVersion;
    // anything a browser can POST to /api/auth/session
    for (const data of [
      { sessionVersion: version },
      { claims: { ...elsewhere, sessionVersion: version } },
      { sessionVersionGrant: { sessionVersion: version, proof: "forged" } },
      // a real grant, made for another session
      { sessionVersionGrant: sessionVersionGrant(here, version) },
    ]) {
      const token = await updateToken(elsewhere, data);
      expect(token.sessionVersion, JSON.stringify(data)).toBe(elsewhere.sessionVersion);
      expect(await alive(token)).toBe(false);
    }
  });
});

describe("wrong codes on the account page are throttled like those at sign-in", () => {
  it("checks at most 5 of 20 concurrent wrong codes for a new app; then even the right one is refused", async () => {
    const { email, here } = await newPerson();
    const app = await showNewApp(here, email);
    const wrong = app.right === "000000" ? "111111" : "000000";
    const results = await Promise.all(Array.from({ length: 20 }, () => app.send(wrong)));
    expect(vi.mocked(confirmEnrolment).mock.calls.length).toBeLessThanOrEqual(5);
    expect(results.some((r) => r.status === "locked")).toBe(true);
    expect((await app.send(app.right)).status).toBe("locked");
    // the lock is the account's: signing in is paused too
    expect(await authenticate(db(), { email, password: DEMO_PASSWORD, app: "web" })).toEqual({
      status: "refused",
      reason: "invalid_credentials",
    });
  });

  it("confirms a new app only from the session that re-authenticated for it", async () => {
    const { email, here } = await newPerson();
    const other = await signIn(email);
    const app = await showNewApp(here, email);
    // another session, even with the ticket, neither confirms nor sees the secret again
    expect(await app.send(app.right, other)).toEqual({ status: "expired" });
    expect(await app.send(app.right, here, "made-up")).toEqual({ status: "expired" });
    expect(vi.mocked(confirmEnrolment)).not.toHaveBeenCalled();
    expect((await app.send(app.right)).status).toBe("done");
  });

  it("re-authentication takes the same slots: 5 wrong passwords lock the account", async () => {
    const { here } = await newPerson();
    const check = (password: string) =>
      reauthenticate(db(), { userId: here.userId, password, app: "web", ip: "203.0.113.9" });
    for (let i = 0; i < 5; i++) expect(await check("wrong-password")).toBe("wrong");
    expect(await check(DEMO_PASSWORD)).toBe("locked");
  });
});
