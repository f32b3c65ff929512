/**
 * What the `/api/trpc` handler accepts before tRPC sees a request: calls from this site's
 * own pages only (queries too), JSON POSTs, bodies up to 1 MB, batches up to 10 calls; and what every answer carries: a correlation id
 * (the "Reference" of an internal error, logged with it) and no-store.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, sql, type Db } from "@truce/db";
import { accessLog } from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import {
  createHealthHandler,
  createTRPCFetchHandler,
  isSameOrigin,
  MAX_BATCH_SIZE,
  MAX_BODY_BYTES,
} from "./http";
import { APP_PROCEDURES } from "./procedure-inputs";
import { adminRouter, appRouters, webRouter } from "./root";
import { approvedPerson, claimsFor } from "./test-actors";
import type { SessionClaims } from "@truce/auth/actor";

let demo: DemoDatabase;
let admin: SessionClaims;
beforeAll(async () => {
  demo = await startDemoDatabase();
  admin = await claimsFor(demo.db, "platform.admin@truce.example", "admin");
});
afterAll(async () => {
  await demo?.stop();
});

const SITE = "http://truce.example";

const countLog = () => demo.db.select({ n: sql<number>`count(*)::int` }).from(accessLog);

/** The admin app's `/api/trpc` handler, acting as `claims`. */
function adminHandler(claims: SessionClaims | null = null, db: Db = demo.db) {
  return createTRPCFetchHandler(adminRouter, async () => claims, { db });
}

/** The web app's `/api/trpc` handler, acting as `claims`. */
function webHandler(claims: SessionClaims | null = null, db: Db = demo.db) {
  return createTRPCFetchHandler(webRouter, async () => claims, { db });
}

/** A mutation as the apps' client sends it, with the given headers changed. */
function post(path: string, headers: Record<string, string | null> = {}, body?: BodyInit) {
  const base: Record<string, string | null> = {
    host: "truce.example",
    origin: SITE,
    "content-type": "application/json",
    ...headers,
  };
  return new Request(`${SITE}/api/trpc/${path}`, {
    method: "POST",
    headers: Object.entries(base).filter((e): e is [string, string] => e[1] !== null),
    body: body ?? JSON.stringify({ json: { name: "Hardening test agency", kind: "police" } }),
  });
}

/** A query as the apps' client sends it (same-origin fetch: no Origin on a GET). */
function get(path: string, headers: Record<string, string | null> = {}) {
  const base: Record<string, string | null> = {
    host: "truce.example",
    "sec-fetch-site": "same-origin",
    ...headers,
  };
  return new Request(`${SITE}/api/trpc/${path}`, {
    headers: Object.entries(base).filter((e): e is [string, string] => e[1] !== null),
  });
}

async function errorOf(res: Response) {
  const body = (await res.json()) as {
    error: {
      json: {
        message: string;
        data: { code: string; messageKey: string; messageParams: unknown; stack?: unknown };
      };
    };
  };
  return body.error.json;
}

describe("a state-changing call (POST) from another site", () => {
  it.each([
    ["an Origin of another site", { origin: "https://evil.example" }],
    ["an Origin on another port of the same host", { origin: "http://truce.example:3001" }],
    ["Origin null (sandboxed frame, no-referrer form)", { origin: "null" }],
    ["a garbled Origin", { origin: "javascript:alert(1)" }],
    ["no Origin and Sec-Fetch-Site cross-site", { origin: null, "sec-fetch-site": "cross-site" }],
    ["no Origin and Sec-Fetch-Site same-site", { origin: null, "sec-fetch-site": "same-site" }],
    ["no Origin and a Referer of another site", { origin: null, referer: "https://evil.example/" }],
    ["no Origin, Sec-Fetch-Site or Referer", { origin: null }],
    [
      "an Origin of the same host over https (the apps are served over http)",
      { origin: "https://truce.example" },
    ],
    [
      "an Origin that matches only a client-sent X-Forwarded-Host",
      { host: "app:3000", "x-forwarded-host": "truce.example" },
    ],
  ])("is refused with 403 for %s, before the session is even read", async (_, headers) => {
    const getClaims = vi.fn(async () => admin);
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const res = await createTRPCFetchHandler(adminRouter, getClaims, { db: demo.db })(
      post("agency.create", headers),
    );
    const reference = res.headers.get("x-correlation-id");
    expect(warned).toHaveBeenCalledWith(
      expect.stringContaining(`refused a cross-site POST, reference ${reference}`),
    );
    warned.mockRestore();
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const error = await errorOf(res);
    expect(error.data).toMatchObject({ messageKey: "apiErrors.request.crossSite" });
    expect(error.data.code).toBe("FORBIDDEN");
    expect(getClaims).not.toHaveBeenCalled();
  });

  it("is refused with 415 when the body is not JSON (a plain HTML form can send these)", async () => {
    for (const type of [
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "text/plain",
      null,
    ]) {
      const res = await adminHandler(admin)(post("agency.create", { "content-type": type }, "a=b"));
      expect(res.status, String(type)).toBe(415);
      expect((await errorOf(res)).data.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });
});

describe("a read (GET) from another site", () => {
  it.each([
    ["a top-level navigation from another site", { "sec-fetch-site": "cross-site" }],
    ["an <img> or link from a sibling subdomain", { "sec-fetch-site": "same-site" }],
    ["a URL typed or bookmarked (Sec-Fetch-Site none)", { "sec-fetch-site": "none" }],
    [
      "an older browser's cross-site Referer",
      { "sec-fetch-site": null, referer: "https://evil.example/page" },
    ],
    ["no Origin, Sec-Fetch-Site or Referer", { "sec-fetch-site": null }],
    ["a cross-origin fetch's Origin", { origin: "https://evil.example" }],
  ])("is refused with 403 for %s, before the session is even read", async (_, headers) => {
    const getClaims = vi.fn(async () => admin);
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const res = await createTRPCFetchHandler(adminRouter, getClaims, { db: demo.db })(
      get("agency.list", headers),
    );
    expect(warned).toHaveBeenCalledWith(expect.stringContaining("refused a cross-site GET"));
    warned.mockRestore();
    expect(res.status).toBe(403);
    expect((await errorOf(res)).data.code).toBe("FORBIDDEN");
    expect(getClaims).not.toHaveBeenCalled();
  });

  it('lets no cross-site link "read" a profile in a signed-in user\'s name', async () => {
    const police = await claimsFor(demo.db, "police.staff@truce.example");
    const person = await approvedPerson(demo.db);
    const path = `individual.byId?input=${encodeURIComponent(JSON.stringify({ json: { id: person.id } }))}`;
    const cookie = "truce-purpose=case_work";
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    const before = (await countLog())[0]!.n;
    const res = await webHandler(police)(get(path, { "sec-fetch-site": "cross-site", cookie }));
    expect(res.status).toBe(403);
    expect((await countLog())[0]!.n).toBe(before);
    warned.mockRestore();
    // The same read from the site's own page is answered, and logged.
    expect((await webHandler(police)(get(path, { cookie }))).status).toBe(200);
    expect((await countLog())[0]!.n).toBe(before + 1);
  });
});

describe("every procedure of each app", () => {
  it.each(APP_PROCEDURES)(
    "refuses $app: $path ($type) from another site with 403, before the session is read",
    async ({ app, path, type }) => {
      const getClaims = vi.fn(async () => admin);
      const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
      const crossSite =
        type === "mutation"
          ? post(path, { origin: "https://evil.example" }, JSON.stringify({ json: {} }))
          : get(path, { "sec-fetch-site": "cross-site" });
      const res = await createTRPCFetchHandler(appRouters[app], getClaims, { db: demo.db })(
        crossSite,
      );
      warned.mockRestore();
      expect(res.status).toBe(403);
      expect(getClaims).not.toHaveBeenCalled();
    },
  );
});

describe("a same-origin read (GET)", () => {
  it.each([
    ["Sec-Fetch-Site same-origin", {}],
    ["an Origin of this site", { "sec-fetch-site": null, origin: SITE }],
    ["a Referer of this site", { "sec-fetch-site": null, referer: `${SITE}/individuals` }],
  ])("reaches the procedure (%s)", async (_, headers) => {
    const res = await adminHandler(null)(get("agency.list", headers));
    expect(res.status).toBe(401);
  });
});

describe("a same-origin JSON POST", () => {
  it.each([
    ["Origin", {}],
    ["Origin, whatever X-Forwarded-Host a client adds", { "x-forwarded-host": "real.example" }],
    [
      "Sec-Fetch-Site same-origin when Origin is missing",
      { origin: null, "sec-fetch-site": "same-origin" },
    ],
    [
      "a same-origin Referer when nothing else is sent",
      { origin: null, referer: `${SITE}/agencies` },
    ],
  ])("reaches the procedure (%s)", async (_, headers) => {
    // Anonymous: the procedure itself answers, and refuses for want of a session.
    const res = await adminHandler(null)(post("agency.create", headers));
    expect(res.status).toBe(401);
  });
});

describe("the origin check", () => {
  it("compares hosts case-insensitively and refuses a request that names no host", () => {
    expect(
      isSameOrigin(new Headers({ host: "Truce.Example", origin: "http://TRUCE.example" })),
    ).toBe(true);
    expect(isSameOrigin(new Headers({ origin: SITE }))).toBe(false);
  });

  it("compares the scheme: served over https, an http page of the same host is another site", () => {
    const https = { https: true };
    const host = "truce.example";
    expect(isSameOrigin(new Headers({ host, origin: "https://truce.example" }), https)).toBe(true);
    expect(isSameOrigin(new Headers({ host, origin: "https://truce.example:443" }), https)).toBe(
      true,
    );
    expect(isSameOrigin(new Headers({ host, origin: "http://truce.example" }), https)).toBe(false);
    expect(isSameOrigin(new Headers({ host, referer: "http://truce.example/x" }), https)).toBe(
      false,
    );
    expect(isSameOrigin(new Headers({ host, origin: "https://truce.example" }))).toBe(false);
  });

  it("never takes the host from X-Forwarded-Host", () => {
    const headers = new Headers({
      host: "app.internal:3000",
      "x-forwarded-host": "evil.example",
      origin: "http://evil.example",
    });
    expect(isSameOrigin(headers)).toBe(false);
  });
});

describe("the size of a request", () => {
  it("refuses a body over 1 MB with 413, by its Content-Length", async () => {
    const big = JSON.stringify({ json: { name: "x".repeat(MAX_BODY_BYTES) } });
    const res = await adminHandler(admin)(post("agency.create", {}, big));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).data).toMatchObject({
      messageKey: "apiErrors.request.bodyTooLarge",
      messageParams: { megabytes: 1 },
    });
  });

  it("refuses a streamed body over 1 MB with 413, without a Content-Length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES + chunk.byteLength) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const req = new Request(`${SITE}/api/trpc/agency.create`, {
      method: "POST",
      headers: { host: "truce.example", origin: SITE, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    const res = await adminHandler(admin)(req);
    expect(res.status).toBe(413);
  });

  it("passes a body within the limit on to the procedure", async () => {
    const res = await adminHandler(admin)(
      post("agency.create", {}, JSON.stringify({ json: { name: "", kind: "police" } })),
    );
    expect(res.status).toBe(400); // read and validated: the name is empty
    expect((await errorOf(res)).data.code).toBe("BAD_REQUEST");
  });

  it(`answers a batch of ${MAX_BATCH_SIZE} calls and refuses one of ${MAX_BATCH_SIZE + 1} with 400`, async () => {
    const paths = (n: number) => Array.from({ length: n }, () => "health.check").join(",");
    const ok = await adminHandler()(get(`${paths(MAX_BATCH_SIZE)}?batch=1&input={}`));
    expect(ok.status).toBe(200);
    for (const path of [
      paths(MAX_BATCH_SIZE + 1),
      paths(MAX_BATCH_SIZE + 1).replaceAll(",", "%2C"),
    ]) {
      const res = await adminHandler()(get(`${path}?batch=1&input={}`));
      expect(res.status).toBe(400);
      expect((await errorOf(res)).data).toMatchObject({
        messageKey: "apiErrors.request.batchTooLarge",
        messageParams: { max: MAX_BATCH_SIZE, count: MAX_BATCH_SIZE + 1 },
      });
    }
  });
});

describe("every answer", () => {
  it("carries an x-correlation-id and Cache-Control: no-store, refusals included", async () => {
    vi.spyOn(console, "warn").mockImplementationOnce(() => {});
    const answers = [
      await adminHandler()(get("health.check")),
      await webHandler()(get("individual.list")),
      await adminHandler(admin)(post("agency.create", { origin: "https://evil.example" })),
      await adminHandler(admin)(post("agency.create", { "content-type": "text/plain" })),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 403, 415]);
    const ids = answers.map((r) => r.headers.get("x-correlation-id"));
    for (const [i, res] of answers.entries()) {
      expect(ids[i]).toMatch(/^[0-9a-f]{8}$/);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ["a single call", "health.check", {}, false, 500],
    // streamed: the status is sent before the calls finish; each call carries its error
    [
      "a streamed batch",
      "health.check,health.check?batch=1&input={}",
      { "trpc-accept": "application/jsonl" },
      false,
      200,
    ],
    ["a call whose context cannot be created", "session.me", {}, true, 500],
  ])(
    "on an internal error (%s) names the correlation id as the reference, logs it, and sends no stack or SQL",
    async (_, path, headers, signedIn, status) => {
      const broken = createDb("postgres://nobody@127.0.0.1:9/none");
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const res = await adminHandler(signedIn ? admin : null, broken)(get(path, headers));
        expect(res.status).toBe(status);
        const id = res.headers.get("x-correlation-id")!;
        const body = await res.text();
        expect(body).toContain('"messageKey":"apiErrors.internal"');
        expect(body).toContain(`"messageParams":{"reference":"${id}"}`);
        expect(body).not.toMatch(/ECONNREFUSED|select |stack|at \w+ \(|node_modules/i);
        expect(logged).toHaveBeenCalledWith(
          `[trpc] internal error, reference ${id}:`,
          expect.anything(),
        );
      } finally {
        logged.mockRestore();
        await broken.close();
      }
    },
  );
});

describe("a malformed purpose cookie", () => {
  it("counts as no purpose: a profile read asks for one (412), never a server error", async () => {
    const police = await claimsFor(demo.db, "police.staff@truce.example");
    const person = await approvedPerson(demo.db);
    const input = encodeURIComponent(JSON.stringify({ json: { id: person.id } }));
    for (const value of ["%E0%A4%A", "%", "case_work%zz"]) {
      const res = await webHandler(police)(
        get(`individual.byId?input=${input}`, { cookie: `truce-purpose=${value}` }),
      );
      expect(res.status, value).toBe(412);
    }
  });

  it("never gives a 5xx, whatever the cookie header holds", async () => {
    const police = await claimsFor(demo.db, "police.staff@truce.example");
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 60 }), async (value) => {
        let req: Request;
        try {
          req = get("session.me", { cookie: `truce-purpose=${value}` });
        } catch {
          return; // not a header value any HTTP request can carry
        }
        const res = await webHandler(police)(req);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});

describe("/api/health", () => {
  it("answers a load balancer, which sends no browser headers, without tRPC", async () => {
    const res = await createHealthHandler({ db: demo.db })();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503, and nothing about why, when the database does not answer", async () => {
    const broken = createDb("postgres://nobody@127.0.0.1:9/none");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await createHealthHandler({ db: broken })();
      expect(res.status).toBe(503);
      expect(await res.text()).toBe(JSON.stringify({ ok: false }));
    } finally {
      logged.mockRestore();
      await broken.close();
    }
  });
});
