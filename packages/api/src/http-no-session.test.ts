/**
 * The server, not the page, decides: every protected procedure, enumerated from the router
 * so a new one is covered the day it is added, answers 401 over HTTP to a caller without a
 * valid session, whatever the request's headers claim. The app's session reader (next-auth)
 * turns a forged or garbled cookie into "no session"; e2e/tests/http-security.spec.ts shows
 * that against the built apps. Here: nothing in the headers stands in for a session, and
 * claims that no longer match the database count for nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@truce/auth/actor";
import { eq } from "@truce/db";
import { user } from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { createTRPCFetchHandler } from "./http";
import { APP_PROCEDURES } from "./procedure-inputs";
import { appRouters } from "./root";
import { claimsFor } from "./test-actors";

/** Procedures anyone may call; every other one must refuse an anonymous caller. */
const PUBLIC_PROCEDURES = new Set(["health.check"]);

/** Every procedure of each app, called through that app's handler. */
const procedures = APP_PROCEDURES;
const protectedProcedures = procedures.filter((p) => !PUBLIC_PROCEDURES.has(p.path));

const alg = (header: object) => Buffer.from(JSON.stringify(header)).toString("base64url");
const unsignedJwt = `${alg({ alg: "none", typ: "JWT" })}.${alg({ sub: "x", claims: { userId: "00000000-0000-4000-8000-000000000000", sessionVersion: 0, membershipId: null } })}.`;

/** What an attacker might try instead of signing in. */
const CRAFTED: Record<string, Record<string, string>> = {
  "no headers at all": {},
  "the middleware-bypass header (CVE-2025-29927)": {
    "x-middleware-subrequest":
      "middleware:middleware:middleware:middleware:middleware:src/middleware:src/proxy:proxy",
  },
  "forged and garbled session cookies": {
    cookie: [
      `truce-web.session-token=${unsignedJwt}`,
      `__Secure-truce-web.session-token=not-a-token`,
      `truce-admin.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..garbage.garbage.garbage`,
      `authjs.session-token=${unsignedJwt}`,
      `next-auth.session-token=${unsignedJwt}`,
      "truce-purpose=case_work",
    ].join("; "),
  },
  "forwarding headers of a trusted proxy": {
    "x-forwarded-for": "127.0.0.1",
    "x-real-ip": "127.0.0.1",
    "x-forwarded-host": "localhost",
    "x-forwarded-proto": "https",
    forwarded: "for=127.0.0.1;proto=https;host=localhost",
  },
  "an Authorization header": {
    authorization: `Basic ${Buffer.from("platform.admin@truce.example:truce-demo-2026").toString("base64")}`,
  },
  "a bearer token and identity headers": {
    authorization: `Bearer ${unsignedJwt}`,
    "x-user-id": "00000000-0000-4000-8000-000000000000",
    "x-user-email": "platform.admin@truce.example",
    "x-invoke-path": "/api/trpc",
    "x-matched-path": "/api/trpc/[trpc]",
  },
};

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

/** A same-origin query (GET) or JSON mutation (POST): only the session is missing. */
function call(
  { app, path, type }: (typeof procedures)[number],
  headers: Record<string, string>,
  claims: SessionClaims | null = null,
) {
  const handler = createTRPCFetchHandler(appRouters[app], async () => claims, { db: demo.db });
  const url = `http://localhost/api/trpc/${path}`;
  if (type === "mutation") {
    return handler(
      new Request(url, {
        method: "POST",
        headers: {
          host: "localhost",
          origin: "http://localhost",
          ...headers,
          "content-type": "application/json",
        },
        body: JSON.stringify({ json: {} }),
      }),
    );
  }
  return handler(
    new Request(url, {
      headers: { host: "localhost", "sec-fetch-site": "same-origin", ...headers },
    }),
  );
}

describe("the API without a valid session", () => {
  it("finds the procedures to check in the router itself", () => {
    expect(protectedProcedures.length).toBeGreaterThan(5);
    expect(procedures.map((p) => p.path)).toEqual(expect.arrayContaining([...PUBLIC_PROCEDURES]));
  });

  describe.each(Object.entries(CRAFTED))("with %s", (_, headers) => {
    it.each(protectedProcedures)("refuses $app: $path ($type) with 401", async (procedure) => {
      const res = await call(procedure, headers);
      expect(res.status).toBe(401);
      const body = await res.text();
      expect(body).toContain("UNAUTHORIZED");
      expect(body).not.toMatch(/"result"/);
    });
  });

  it("answers the public procedures without one", async () => {
    const publicProcedures = procedures.filter((p) => PUBLIC_PROCEDURES.has(p.path));
    expect(publicProcedures.map((p) => p.app).sort()).toEqual(["admin", "web"]);
    for (const procedure of publicProcedures) {
      expect((await call(procedure, {})).status).toBe(200);
    }
  });

  describe("with claims the database no longer backs", () => {
    const stale: Record<string, () => Promise<SessionClaims>> = {
      "an unknown user": async () => ({
        userId: "00000000-0000-4000-8000-000000000000",
        sessionVersion: 0,
        membershipId: null,
      }),
      "an older session version (signed out, role changed)": async () => {
        const claims = await claimsFor(demo.db, "platform.admin@truce.example", "admin");
        return { ...claims, sessionVersion: claims.sessionVersion - 1 };
      },
      "a disabled user": async () => {
        const claims = await claimsFor(demo.db, "disabled@truce.example");
        const [row] = await demo.db.select().from(user).where(eq(user.id, claims.userId));
        expect(row?.disabled).toBe(true);
        return claims;
      },
    };
    it.each(Object.keys(stale))("refuses every protected procedure for %s", async (name) => {
      const claims = await stale[name]!();
      for (const procedure of protectedProcedures) {
        const res = await call(
          procedure,
          CRAFTED["forwarding headers of a trusted proxy"]!,
          claims,
        );
        expect(res.status, `${procedure.app}: ${procedure.path}`).toBe(401);
      }
    });
  });
});
