/**
 * What the evaluators' extract's route accepts: a manager's POST from this site's own pages
 * with a valid period. Staff, admins, auditors, a disabled user and no session are refused
 * (401/403); a cross-site request, another method or media type, a large body, malformed JSON
 * and bad filters are refused with a 4xx and a message key; no refusal writes the access log or
 * says anything internal; arbitrary bodies and headers give a 4xx or the archive, never a 5xx.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionClaims } from "@truce/auth/actor";
import { eq, sql } from "@truce/db";
import { accessLog, membership, user } from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { MAX_EXTRACT_BODY_BYTES } from "./extract-http";
import {
  extractHandler,
  extractRequest,
  readArchive,
} from "./services/report/extract/test-support";
import { claimsFor } from "./test-actors";

let demo: DemoDatabase;
let manager: SessionClaims;
beforeAll(async () => {
  demo = await startDemoDatabase();
  manager = await claimsFor(demo.db, "police.manager@truce.example");
});
afterAll(async () => {
  await demo?.stop();
});

const extractsLogged = async () =>
  (
    await demo.db
      .select({ n: sql<number>`count(*)::int` })
      .from(accessLog)
      .where(eq(accessLog.entityId, "evaluatorsExtract"))
  )[0]!.n;

/** A disabled user's session, as if they had signed in before being disabled. */
async function disabledClaims(): Promise<SessionClaims> {
  const [row] = await demo.db.select().from(user).where(eq(user.email, "disabled@truce.example"));
  const [m] = await demo.db.select().from(membership).where(eq(membership.userId, row!.id));
  return { userId: row!.id, sessionVersion: row!.sessionVersion, membershipId: m!.id };
}

/** A refusal's status and message key, after checking it says nothing internal. */
async function refusalOf(res: Response) {
  expect(res.headers.get("content-type")).toContain("application/json");
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(res.headers.get("x-correlation-id")).toMatch(/^[0-9a-f]{8}$/);
  const body = (await res.json()) as { error: { messageKey: string } };
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|postgres|select /i);
  return { status: res.status, key: body.error.messageKey };
}

describe("who may make the evaluators' extract", () => {
  it("gives a manager the archive, logged, with no-store and its file name", async () => {
    const before = await extractsLogged();
    const res = await extractHandler(demo.db, manager)(extractRequest("{}"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="truce-evaluators-extract_start_\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const rows = JSON.parse(res.headers.get("x-extract-rows")!) as Record<string, number>;
    const files = readArchive(new Uint8Array(await res.arrayBuffer()));
    expect(files.tables.get("people.csv")!.rows.length).toBe(rows["people.csv"]);
    expect(await extractsLogged()).toBe(before + 1);
  });

  it.each([
    ["police staff", "police.staff@truce.example", "web"],
    ["social services staff", "social.staff@truce.example", "web"],
    ["an agency admin", "agency.admin@truce.example", "admin"],
    ["a platform admin", "platform.admin@truce.example", "admin"],
    ["an auditor", "auditor@truce.example", "admin"],
  ] as const)("refuses %s with 403", async (_who, email, app) => {
    const before = await extractsLogged();
    const claims = await claimsFor(demo.db, email, app);
    const res = await extractHandler(demo.db, claims)(extractRequest("{}"));
    expect(await refusalOf(res)).toEqual({ status: 403, key: "apiErrors.roleNotAllowed" });
    expect(await extractsLogged()).toBe(before);
  });

  it("refuses no session and a disabled user's session with 401", async () => {
    for (const claims of [null, await disabledClaims()]) {
      const res = await extractHandler(demo.db, claims)(extractRequest("{}"));
      expect(await refusalOf(res)).toEqual({ status: 401, key: "apiErrors.signInRequired" });
    }
  });
});

describe("what the extract's route accepts", () => {
  const ask = (req: Request) => extractHandler(demo.db, manager)(req).then(refusalOf);

  it("refuses a request from another site, or one that says nothing of where it is from", async () => {
    const before = await extractsLogged();
    const crossSite = { status: 403, key: "apiErrors.request.crossSite" };
    expect(await ask(extractRequest("{}", { origin: "https://evil.example" }))).toEqual(crossSite);
    expect(await ask(extractRequest("{}", { origin: "null" }))).toEqual(crossSite);
    expect(
      await ask(extractRequest("{}", { origin: null, "sec-fetch-site": "cross-site" })),
    ).toEqual(crossSite);
    expect(await ask(extractRequest("{}", { origin: null }))).toEqual(crossSite);
    expect(await extractsLogged()).toBe(before);
  });

  it("takes a JSON POST of bounded size only", async () => {
    expect(await ask(extractRequest("", {}, "GET"))).toEqual({
      status: 405,
      key: "apiErrors.request.refused",
    });
    expect(await ask(extractRequest("{}", { "content-type": "text/plain" }))).toEqual({
      status: 415,
      key: "apiErrors.request.jsonOnly",
    });
    const large = JSON.stringify({ from: "2020-01-01", pad: "x".repeat(MAX_EXTRACT_BODY_BYTES) });
    expect((await ask(extractRequest(large))).status).toBe(413);
    expect(await ask(extractRequest("{not json"))).toEqual({
      status: 400,
      key: "apiErrors.request.refused",
    });
  });

  it.each([
    ["a day that is not a date", { from: "2020-13-01" }],
    ["a day outside the reports' calendar", { to: "2100-01-01" }],
    ["a period that ends before it starts", { from: "2020-02-01", to: "2020-01-01" }],
    ["an empty day", { from: "" }],
    ["a number for a day", { from: 20200101 }],
    ["an array", []],
    ["null", null],
  ])("refuses %s with 400 and the fields' messages", async (_what, body) => {
    const res = await extractHandler(demo.db, manager)(extractRequest(JSON.stringify(body)));
    const copy = res.clone();
    expect(await refusalOf(res)).toEqual({ status: 400, key: "apiErrors.invalidInput" });
    const { error } = (await copy.json()) as { error: { zodError: unknown } };
    expect(error.zodError).not.toBeNull();
  });

  it("answers arbitrary bodies, queries, media types and origins with a 4xx or the archive, never a 5xx", async () => {
    // Each cross-site refusal logs a line; a hundred of them say nothing here.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const day = fc
      .date({ min: new Date("1960-01-01"), max: new Date("2110-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const field = fc.oneof(day, fc.string(), fc.integer(), fc.constant(null), fc.jsonValue());
    const body = fc.oneof(
      fc.record({ from: field, to: field }, { requiredKeys: [] }),
      fc.dictionary(fc.string(), field),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
      fc.string({ unit: "binary" }),
    );
    const headers = fc.record(
      {
        origin: fc.oneof(fc.constant("http://truce.example"), fc.webUrl(), fc.string()),
        "content-type": fc.oneof(fc.constant("application/json"), fc.string()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, headers, fc.string(), async (value, changed, query) => {
        const text = typeof value === "string" ? value : JSON.stringify(value);
        let req: Request;
        try {
          // The route reads no query; one there must change nothing.
          req = extractRequest(text, changed, "POST", `?${encodeURIComponent(query)}=${query}`);
        } catch {
          return; // a header value that Headers itself refuses never reaches a server
        }
        const res = await extractHandler(demo.db, manager)(req);
        if (res.status === 200) {
          await res.body?.cancel();
          return;
        }
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        await res.body?.cancel();
      }),
      { numRuns: 150 },
    );
    warn.mockRestore();
  });
});
