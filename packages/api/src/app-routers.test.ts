/**
 * Each app serves only its own procedures: over HTTP, the web app's `/api/trpc` handler does
 * not find an admin procedure (404), and the admin app's does not find a case procedure,
 * whatever roles the caller holds. The caller here holds them all: a police staff
 * membership and the platform admin and auditor roles, so the policy alone would let them
 * call every procedure of both apps; what refuses is the router the handler serves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@truce/auth/actor";
import { membership, user } from "@truce/db/schema";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { createTRPCFetchHandler } from "./http";
import { adminRouter, webRouter } from "./root";
import { claimsFor } from "./test-actors";

const SITE = "http://truce.example";

let demo: DemoDatabase;
/** The all-roles user's session in each app: the staff membership in web, none in admin. */
let inWeb: SessionClaims;
let inAdmin: SessionClaims;

beforeAll(async () => {
  demo = await startDemoDatabase();
  const email = "every.role@truce.example";
  const [created] = await demo.db
    .insert(user)
    .values({
      email,
      name: "Every Role",
      passwordHash: DEMO_PASSWORD_HASH,
      platformRoles: ["platform_admin", "auditor"],
    })
    .returning({ id: user.id });
  await demo.db
    .insert(membership)
    .values({ userId: created!.id, agencyId: demo.agencyIds.police!, role: "staff" });
  inWeb = await claimsFor(demo.db, email, "web");
  inAdmin = await claimsFor(demo.db, email, "admin");
});
afterAll(async () => {
  await demo?.stop();
});

/** A same-origin call as the apps' client sends it: a query as GET, a mutation as JSON POST. */
function request(path: string, input?: unknown): Request {
  const url = new URL(`${SITE}/api/trpc/${path}`);
  if (input === undefined) {
    url.searchParams.set("input", JSON.stringify({ json: {} }));
    return new Request(url, {
      headers: { host: "truce.example", "sec-fetch-site": "same-origin" },
    });
  }
  return new Request(url, {
    method: "POST",
    headers: { host: "truce.example", origin: SITE, "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
}

const newAgency = () => ({ name: `Routers test ${crypto.randomUUID()}`, kind: "other" });

describe("the web app's handler", () => {
  const web = (claims: SessionClaims) =>
    createTRPCFetchHandler(webRouter, async () => claims, { db: demo.db });

  it("does not find agency.create or accessLog.list (404), though the caller's platform roles allow both", async () => {
    const create = await web(inWeb)(request("agency.create", newAgency()));
    expect(create.status).toBe(404);
    const log = await web(inWeb)(request("accessLog.list"));
    expect(log.status).toBe(404);
  });

  it("does not find them for the caller's admin session either", async () => {
    expect((await web(inAdmin)(request("agency.create", newAgency()))).status).toBe(404);
    expect((await web(inAdmin)(request("accessLog.list"))).status).toBe(404);
  });

  it("serves the case work the same caller may do", async () => {
    expect((await web(inWeb)(request("individual.list"))).status).toBe(200);
  });
});

describe("the admin app's handler", () => {
  const admin = (claims: SessionClaims) =>
    createTRPCFetchHandler(adminRouter, async () => claims, { db: demo.db });

  it("does not find individual.list (404), though the caller's staff membership allows it", async () => {
    expect((await admin(inWeb)(request("individual.list"))).status).toBe(404);
  });

  it("serves the administration the same caller may do: the 404s above are the router's", async () => {
    expect((await admin(inAdmin)(request("agency.create", newAgency()))).status).toBe(200);
    expect((await admin(inAdmin)(request("accessLog.list"))).status).toBe(200);
  });
});

describe("the apps' routers", () => {
  const namespaces = (router: { _def: { procedures: object } }) =>
    [...new Set(Object.keys(router._def.procedures).map((path) => path.split(".")[0]))].sort();

  it("give the web app the case work, and the admin app the administration; both the session", () => {
    expect(namespaces(webRouter)).toEqual([
      "alliance",
      "conflict",
      "group",
      "health",
      "incident",
      "individual",
      "intervention",
      "network",
      "note",
      "outcome",
      "referral",
      "report",
      "session",
      "start",
    ]);
    expect(namespaces(adminRouter)).toEqual([
      "accessLog",
      "agency",
      "health",
      "membership",
      "platformSetting",
      "session",
      "user",
    ]);
  });

  it("are what each handler says it serves", () => {
    const noClaims = async () => null;
    expect(createTRPCFetchHandler(webRouter, noClaims).router).toBe(webRouter);
    expect(createTRPCFetchHandler(adminRouter, noClaims).router).toBe(adminRouter);
  });
});
