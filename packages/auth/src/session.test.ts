import { afterEach, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import type { SessionClaims } from "./actor";
import {
  readToken,
  SECOND_STEP_SECONDS,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
} from "./session";
import type { PendingSignIn } from "./sign-in";

const claims: Required<SessionClaims> = {
  userId: "00000000-0000-4000-8000-000000000001",
  sessionVersion: 1,
  membershipId: null,
  sessionId: "00000000-0000-4000-8000-000000000002",
};
const signedInAt = Date.parse("2026-03-02T08:00:00Z");
const pending: PendingSignIn = {
  userId: claims.userId,
  sessionVersion: 1,
  step: "totp",
  startedAt: signedInAt,
  ip: null,
};
const after = (seconds: number) => new Date(signedInAt + seconds * 1000);

describe("the session token", () => {
  it("lasts 30 idle minutes and at most 12 hours from sign-in", () => {
    expect(SESSION_IDLE_SECONDS).toBe(30 * 60);
    expect(SESSION_ABSOLUTE_SECONDS).toBe(12 * 60 * 60);
    expect(readToken({ claims, signedInAt }, after(12 * 3600)).kind).toBe("signed_in");
    expect(readToken({ claims, signedInAt }, after(12 * 3600 + 1)).kind).toBe("none");
  });

  it("keeps a pending sign-in for 10 minutes, and it never carries claims", () => {
    expect(SECOND_STEP_SECONDS).toBe(600);
    expect(readToken({ pending }, after(600))).toEqual({ kind: "pending", pending });
    expect(readToken({ pending }, after(601)).kind).toBe("none");
  });

  it("treats anything malformed as no session", () => {
    expect(readToken(null, after(0)).kind).toBe("none");
    expect(readToken({ claims: { ...claims, userId: "x" }, signedInAt }, after(0)).kind).toBe(
      "none",
    );
    expect(readToken({ claims }, after(0)).kind).toBe("none");
    expect(
      readToken({ claims: { ...claims, sessionId: undefined }, signedInAt }, after(0)).kind,
    ).toBe("none");
  });
});

describe("the next-auth configuration", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function config(secure: boolean) {
    vi.stubEnv("TRUCE_SECURE_COOKIES", secure ? "true" : "false");
    vi.resetModules();
    const { createAuthConfig } = await import("./config");
    return createAuthConfig("web");
  }

  it("sets HttpOnly, SameSite=Lax cookies named per app; Secure and __Secure- over https", async () => {
    const plain = await config(false);
    expect(plain.cookies?.sessionToken).toMatchObject({
      name: "truce-web.session-token",
      options: { httpOnly: true, sameSite: "lax", secure: false },
    });
    const secure = await config(true);
    expect(secure.useSecureCookies).toBe(true);
    expect(secure.cookies?.sessionToken).toMatchObject({
      name: "__Secure-truce-web.session-token",
      options: { httpOnly: true, sameSite: "lax", secure: true },
    });
    expect(secure.cookies?.csrfToken?.name).toBe("__Host-truce-web.csrf-token");
    expect(secure.session).toMatchObject({ strategy: "jwt", maxAge: SESSION_IDLE_SECONDS });
  });

  it("gives a half-signed-in session no claims, so no procedure or page sees a user", async () => {
    const { callbacks } = await config(false);
    vi.useFakeTimers({ now: after(60) });
    try {
      const session = await callbacks!.session!({
        session: { expires: after(1800).toISOString() },
        token: { pending } as unknown as JWT,
      } as never);
      expect(session).not.toHaveProperty("claims");
      expect(session).toMatchObject({ pending: { step: "totp", userId: claims.userId } });
      const full = await callbacks!.session!({
        session: { expires: after(1800).toISOString() },
        token: { claims, signedInAt } as unknown as JWT,
      } as never);
      expect(full).toMatchObject({ claims });
    } finally {
      vi.useRealTimers();
    }
  });

  it("drops the token (signs out) once the absolute lifetime has passed, however active", async () => {
    const { callbacks } = await config(false);
    const jwt = (now: Date) => {
      vi.useFakeTimers({ now });
      try {
        return callbacks!.jwt!({ token: { claims, signedInAt } } as never);
      } finally {
        vi.useRealTimers();
      }
    };
    expect(await jwt(after(11 * 3600))).toMatchObject({ claims });
    expect(await jwt(after(12 * 3600 + 1))).toBeNull();
  });
});
