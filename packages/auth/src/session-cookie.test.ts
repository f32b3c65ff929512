import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import type { SessionClaims, TruceApp } from "./actor";
import { createAuth } from "./config";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./session";
import { readSessionClaims, sessionCookieName } from "./session-cookie";
import type { PendingSignIn } from "./sign-in";

const secret = process.env.AUTH_SECRET!;
const claims: Required<SessionClaims> = {
  userId: "00000000-0000-4000-8000-000000000001",
  sessionVersion: 3,
  membershipId: "00000000-0000-4000-8000-000000000003",
  sessionId: "00000000-0000-4000-8000-000000000002",
};
const pending: PendingSignIn = {
  userId: claims.userId,
  sessionVersion: 3,
  step: "totp",
  startedAt: Date.now(),
  ip: null,
};

/** A session token as next-auth issues it for `app` (its cookie name is the salt). */
function tokenFor(app: TruceApp, payload: object, maxAge = SESSION_IDLE_SECONDS) {
  return encode({ token: payload, secret, salt: sessionCookieName(app), maxAge });
}
const signedIn = (app: TruceApp = "web", maxAge?: number) =>
  tokenFor(app, { claims, signedInAt: Date.now() - 60_000 }, maxAge);
const cookies = (entries: Record<string, string>) =>
  new Headers({
    cookie: Object.entries(entries)
      .map(([name, value]) => `${name}=${value}`)
      .join("; "),
  });
const web = sessionCookieName("web");

const nextAuth = { web: createAuth("web"), admin: createAuth("admin") };
/**
 * next-auth's own reading of the same cookies: its session endpoint runs the very action
 * that `auth()` runs (decrypt, the jwt and session callbacks, re-encrypt).
 */
async function sessionEndpoint(app: TruceApp, headers: Headers) {
  const res = await nextAuth[app].handlers.GET(
    new Request("http://localhost/api/auth/session", { headers }) as never,
  );
  const body = (await res.json()) as { claims?: SessionClaims } | null;
  return { claims: body?.claims ?? null, setCookies: res.headers.getSetCookie() };
}

/** Splits a token into next-auth's chunk cookies, sent in the wrong order on purpose. */
function chunked(name: string, token: string, size = 3000) {
  const parts: Record<string, string> = {};
  for (let i = Math.ceil(token.length / size) - 1; i >= 0; i--) {
    parts[`${name}.${i}`] = token.slice(i * size, (i + 1) * size);
  }
  return parts;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("reading the session for the API", () => {
  it("gives the claims of a valid session cookie, as auth() does", async () => {
    const headers = cookies({ [web]: await signedIn(), "truce-purpose": "case_work" });
    expect(await readSessionClaims("web", headers)).toEqual(claims);
    expect((await sessionEndpoint("web", headers)).claims).toEqual(claims);
  });

  it("joins a token that next-auth split into chunk cookies", async () => {
    // A token too long for one cookie (next-auth chunks above about 4 kB).
    const token = await tokenFor("web", {
      claims,
      signedInAt: Date.now(),
      padding: "x".repeat(6000),
    });
    const headers = cookies(chunked(web, token));
    expect(await readSessionClaims("web", headers)).toEqual(claims);
    expect((await sessionEndpoint("web", headers)).claims).toEqual(claims);
    const missingAChunk = cookies({ [`${web}.0`]: token.slice(0, 3000) });
    expect(await readSessionClaims("web", missingAChunk)).toBeNull();
  });

  it("gives nothing for a cookie auth() refuses: tampered, expired, another app's, pending, too old", async () => {
    const valid = await signedIn();
    const middle = Math.floor(valid.length / 2);
    const flipped =
      valid.slice(0, middle) + (valid[middle] === "A" ? "B" : "A") + valid.slice(middle + 1);
    const refused: Record<string, Headers> = {
      "no cookie": new Headers(),
      "a tampered token": cookies({ [web]: flipped }),
      "a token past its idle timeout": cookies({ [web]: await signedIn("web", -60) }),
      "the admin app's token under the web app's name": cookies({ [web]: await signedIn("admin") }),
      "the web app's token only under the admin app's name": cookies({
        [sessionCookieName("admin")]: valid,
      }),
      "a pending sign-in": cookies({ [web]: await tokenFor("web", { pending }) }),
      "a session past its absolute lifetime": cookies({
        [web]: await tokenFor("web", {
          claims,
          signedInAt: Date.now() - (SESSION_ABSOLUTE_SECONDS + 1) * 1000,
        }),
      }),
      "an unsigned JWT": cookies({
        [web]: `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ claims, signedInAt: Date.now() })).toString("base64url")}.`,
      }),
      "a bearer token instead of the cookie": new Headers({ authorization: `Bearer ${valid}` }),
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const [what, headers] of Object.entries(refused)) {
      expect(await readSessionClaims("web", headers), what).toBeNull();
      expect((await sessionEndpoint("web", headers)).claims, `auth(): ${what}`).toBeNull();
    }
    logged.mockRestore();
    // The admin app reads its own token and not the web app's.
    expect(
      await readSessionClaims(
        "admin",
        cookies({ [sessionCookieName("admin")]: await signedIn("admin") }),
      ),
    ).toEqual(claims);
    expect(await readSessionClaims("admin", cookies({ [web]: valid }))).toBeNull();
  });

  it("only decrypts: nothing is encrypted and no cookie is set, where auth() re-encrypts every time", async () => {
    const headers = cookies({ [web]: await signedIn() });
    const encrypt = vi.spyOn(crypto.subtle, "encrypt");
    const read = await readSessionClaims("web", headers);
    expect(read).toEqual(claims);
    expect(encrypt).not.toHaveBeenCalled();
    const endpoint = await sessionEndpoint("web", headers);
    expect(endpoint.claims).toEqual(read);
    expect(encrypt).toHaveBeenCalled();
    expect(endpoint.setCookies.join("\n")).toContain(`${web}=`);
  });

  it("leaves renewing to the session endpoint, whose new token the API then reads", async () => {
    // A minute before the idle timeout: the signed-in frame's keep-alive asks the endpoint.
    const old = await signedIn("web", 60);
    const { setCookies } = await sessionEndpoint("web", cookies({ [web]: old }));
    const renewed = /^[^=]+=([^;]+)/.exec(setCookies.find((c) => c.startsWith(`${web}=`))!)![1]!;
    const expiry = async (token: string) =>
      (await decode({ token, secret, salt: web }))!.exp! - Date.now() / 1000;
    expect(await expiry(old)).toBeLessThanOrEqual(60);
    expect(await expiry(renewed)).toBeGreaterThan(SESSION_IDLE_SECONDS - 60);
    expect(await readSessionClaims("web", cookies({ [web]: renewed }))).toEqual(claims);
  });

  it("decrypts a token once, and still refuses it past its expiry and under another app's name", async () => {
    const token = await signedIn("web", 120);
    const headers = cookies({ [web]: token });
    const decrypt = vi.spyOn(crypto.subtle, "decrypt");
    expect(await readSessionClaims("web", headers)).toEqual(claims);
    const once = decrypt.mock.calls.length;
    expect(once).toBeGreaterThan(0);
    expect(await readSessionClaims("web", headers)).toEqual(claims);
    expect(decrypt.mock.calls.length).toBe(once);
    // decode's own tolerance is 15 s past the expiry; beyond it the kept token counts no more.
    const expired = new Date(Date.now() + (120 + 16) * 1000);
    expect(await readSessionClaims("web", headers, expired)).toBeNull();
    // Kept under the web app's cookie name: the admin app decrypts it with its own salt.
    expect(await readSessionClaims("web", headers)).toEqual(claims);
    const admin = cookies({ [sessionCookieName("admin")]: token });
    expect(await readSessionClaims("admin", admin)).toBeNull();
  });
});
