/**
 * The HTTP-level defences of both built apps (docs/security-http.md): security headers on
 * every response, pages that hydrate under a strict nonce CSP without one violation, CSRF and
 * size limits on the API, same-origin redirects after sign-in, no internals in errors, and an
 * API that refuses every protected procedure without a valid session whatever the headers say.
 */
import { readFileSync } from "node:fs";
import type { APIResponse, Page } from "@playwright/test";
import { adminRouter, webRouter } from "@truce/api";
import { and, count, eq, sql } from "@truce/db";
import { accessLog, agency, user } from "@truce/db/schema";
import { uniqueTag } from "@truce/db/testing";
import { ADMIN, expect, test, WEB } from "./fixtures";
import { stateFile, type Role } from "./roles";
import {
  choosePurposeBeforehand,
  DEMO_PASSWORD,
  fullName,
  listedName,
  signInWithForm,
} from "./support";

const APPS = { web: WEB, admin: ADMIN } as const;
/** What a browser sends with a fetch from the app's own page (a GET carries no Origin). */
const SAME_ORIGIN = { "sec-fetch-site": "same-origin" } as const;

/** Each response's headers as the browser gets them (a header sent twice counts twice). */
function headerValues(res: APIResponse, name: string): string[] {
  return res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === name)
    .map((h) => h.value);
}

function expectHardened(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("same-origin");
  expect(h["permissions-policy"], what).toContain("camera=()");
  expect(h["cross-origin-opener-policy"], what).toBe("same-origin");
  expect(h["strict-transport-security"], `${what}: no HSTS over plain http`).toBeUndefined();
  // One policy only: a second one would be enforced as well and could only narrow this one.
  expect(headerValues(res, "content-security-policy"), what).toHaveLength(1);
}

function expectPagePolicy(res: APIResponse, what: string): string {
  const csp = res.headers()["content-security-policy"]!;
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic';/.exec(csp)?.[1];
  expect(nonce, `${what}: ${csp}`).toBeTruthy();
  for (const directive of [
    "default-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp, what).toContain(directive);
  }
  expect(csp, `${what}: eval only under next dev`).not.toContain("unsafe-eval");
  return nonce!;
}

for (const [name, base] of Object.entries(APPS)) {
  test(`[anyone] every response of the ${name} app carries the security headers`, async ({
    request,
  }) => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      request.get(`${base}${path}`, { maxRedirects: 0, headers });

    const signIn = await get("/sign-in");
    expect(signIn.status()).toBe(200);
    const html = await signIn.text();
    const nonce = expectPagePolicy(signIn, "/sign-in");
    // Next.js nonces every script it writes into the page from the request's policy.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(expectPagePolicy(await get("/sign-in"), "again")).not.toBe(nonce);

    const responses: Array<[string, APIResponse]> = [
      ["a page", signIn],
      ["a redirect to sign-in", await get("/")],
      ["a page that does not exist", await get("/no-such-page")],
      ["next-auth's session endpoint", await get("/api/auth/session")],
      ["next-auth's CSRF endpoint", await get("/api/auth/csrf")],
      ["the icon", await get("/icon.svg")],
    ];
    expect(responses[1]![1].status()).toBe(307);
    expect(responses[2]![1].status()).toBe(404);
    for (const [what, res] of responses) {
      expectHardened(res, what);
      expectPagePolicy(res, what);
      expect(res.headers()["cache-control"], what).toMatch(/no-store/);
    }
    // The API sets its own headers (the proxy does not run for it): never a document, so a
    // policy that allows nothing.
    const api: Array<[string, APIResponse]> = [
      ["the tRPC API", await get("/api/trpc/health.check", SAME_ORIGIN)],
      ["a refused tRPC call", await get("/api/trpc/session.me")],
      ["the health check", await get("/api/health")],
    ];
    expect(api[1]![1].status()).toBe(403);
    for (const [what, res] of api) {
      expectHardened(res, what);
      expect(res.headers()["content-security-policy"], what).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(res.headers()["cache-control"], what).toBe("no-store");
    }
    for (const [what, res] of api.slice(0, 2)) {
      expect(res.headers()["x-correlation-id"], what).toMatch(/^[0-9a-f]{8}$/);
    }

    // Hashed build assets stay cacheable, with the fixed headers and a policy that allows nothing.
    const asset = /<script\b[^>]*src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    const chunk = await get(asset);
    expect(chunk.status()).toBe(200);
    expectHardened(chunk, asset);
    expect(chunk.headers()["cache-control"]).toContain("immutable");
    expect(chunk.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );

    // X-Forwarded-Proto from a client, not a trusted proxy, is dropped before Next.js sees it
    // (packages/ui/src/server/serve.mjs): it turns nothing on.
    for (const path of ["/sign-in", "/api/health", asset]) {
      const claimed = await get(path, { "x-forwarded-proto": "https" });
      expect(claimed.headers()["strict-transport-security"], path).toBeUndefined();
    }
    const claimedPage = await get("/sign-in", { "x-forwarded-proto": "https" });
    expect(claimedPage.headers()["content-security-policy"]).not.toContain(
      "upgrade-insecure-requests",
    );
  });
}

/**
 * Collects every CSP violation the page reports (the fixture fails the test on console
 * errors as well, which is where Chromium also reports a violation).
 */
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("__reportViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(
        `CSP ${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return problems;
}

/** The API's refusal of a request from another site, as its JSON names it (a message key). */
const CROSS_SITE = '"messageKey":"apiErrors.request.crossSite"';

/** What Chromium logs for a response the server refused: expected where a test provokes it. */
const refusedResource = (status: number) =>
  new RegExp(`Failed to load resource: the server responded with a status of ${status}`);

const FROM_ANOTHER_SITE = {
  why:
    "the API refuses the other site's requests (403), and Chromium itself stops a plain-http " +
    "site's image or no-cors fetch from reaching a loopback address (Private Network Access)",
  messages: [
    refusedResource(403),
    /has been blocked by CORS policy: The request client is not a secure context and the resource is in more-private address space/,
    /Failed to load resource: net::ERR_FAILED/,
  ],
};

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] the web app hydrates and works under the CSP without a single violation", async ({
    page,
    seed,
  }) => {
    const problems = await watchForViolations(page);
    const person = await seed.person({ registeredBy: "police" });
    await page.goto(`${WEB}/individuals`);
    // Typing in the search box updates the URL: only hydrated React does that.
    await page.getByLabel("Search by name").fill(person.familyName);
    await page.getByRole("link", { name: listedName(person) }).click();
    await page.getByRole("button", { name: "Case work" }).click();
    await expect(page.getByRole("heading", { name: fullName(person) })).toBeVisible();
    await page.getByRole("button", { name: /Language/ }).click();
    await expect(page.getByRole("menuitemradio", { name: "Svenska" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByText("Write the note before saving it.")).toBeVisible();
    expect(problems).toEqual([]);
  });

  test.describe("from another site", () => {
    test.use({ provokedConsoleErrors: FROM_ANOTHER_SITE });

    test("[police staff] a link or an image on another site cannot read a profile in their name", async ({
      page,
      seed,
      db,
    }) => {
      await choosePurposeBeforehand(page, WEB);
      const person = await seed.person({ registeredBy: "police" });
      const reads = async () => {
        const [row] = await db
          .select({ n: count() })
          .from(accessLog)
          .innerJoin(user, eq(user.id, accessLog.userId))
          .where(
            and(eq(user.email, "police.staff@truce.example"), eq(accessLog.entityId, person.id)),
          );
        return row!.n;
      };
      expect(await reads()).toBe(0);
      const url = `${WEB}/api/trpc/individual.byId?input=${encodeURIComponent(JSON.stringify({ json: { id: person.id } }))}`;
      await page.route("http://evil.example/**", (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<img src="${url}" alt=""><a href="${url}">Read the news</a>`,
        }),
      );
      await page.goto("http://evil.example/");
      // A top-level navigation carries the SameSite=Lax session cookie; the API still refuses it.
      await page.getByRole("link", { name: "Read the news" }).click();
      await expect(page.locator("body")).toContainText(CROSS_SITE);
      expect(await reads()).toBe(0);
      // From the app's own page the same read is answered, and logged.
      await page.goto(`${WEB}/individuals/${person.id}`);
      await expect.poll(reads).toBeGreaterThan(0);
    });
  });
});

test.describe("as a platform admin", () => {
  test.use({ role: "platform admin" });

  test("[platform admin] the admin app hydrates and works under the CSP without a single violation", async ({
    page,
  }) => {
    const problems = await watchForViolations(page);
    await page.goto(`${ADMIN}/agencies`);
    // A Radix select (a popper with inline styles) and the form's own validation.
    await page.getByRole("combobox", { name: "Kind" }).click();
    await page.getByRole("option").first().click();
    await page.getByRole("button", { name: "Add agency" }).click();
    await expect(page.getByText(/Give the agency a name/)).toBeVisible();
    await page.getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/users/);
    await page.getByRole("combobox", { name: /^Role/ }).first().click();
    await expect(page.getByRole("listbox")).toBeVisible();
    await page.keyboard.press("Escape");
    expect(problems).toEqual([]);
  });

  test.describe("from another site", () => {
    test.use({ provokedConsoleErrors: FROM_ANOTHER_SITE });

    test("[platform admin] a page of another site cannot change data through their browser", async ({
      page,
      db,
    }) => {
      await page.goto(`${ADMIN}/agencies`);
      const name = `CSRF agency ${uniqueTag()}`;
      const input = JSON.stringify({ json: { name, kind: "police" } });
      // The classic attack: an auto-submitted form (text/plain, so the body can look like JSON)
      // and a no-cors fetch, both simple requests that need no preflight.
      await page.route("http://evil.example/**", (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<form method="post" enctype="text/plain" action="${ADMIN}/api/trpc/agency.create">
            <input name='${input.slice(0, -1)}, "pad": "' value='"}'><button>Win a prize</button></form>`,
        }),
      );
      await page.goto("http://evil.example/");
      await page.evaluate(
        ([url, body]) =>
          fetch(url, {
            method: "POST",
            mode: "no-cors",
            credentials: "include",
            headers: { "content-type": "text/plain" },
            body,
          }).catch(() => undefined),
        [`${ADMIN}/api/trpc/agency.create`, input] as const,
      );
      await page.getByRole("button", { name: "Win a prize" }).click();
      await expect(page.locator("body")).toContainText(CROSS_SITE);
      expect(await db.select().from(agency).where(eq(agency.name, name))).toEqual([]);
    });
  });

  test("[platform admin] the API refuses cross-origin, non-JSON, oversized and over-long requests", async ({
    page,
  }) => {
    const api = page.request; // the signed-in browser's cookies
    const url = `${ADMIN}/api/trpc/agency.create`;
    const json = { "content-type": "application/json" };
    const invalid = JSON.stringify({ json: { name: "", kind: "police" } });

    const sameOrigin = await api.post(url, { headers: { ...json, origin: ADMIN }, data: invalid });
    expect(sameOrigin.status(), "reaches the procedure, which validates the input").toBe(400);

    const cases: Array<[string, Promise<APIResponse>, number, string]> = [
      [
        "another site's Origin",
        api.post(url, { headers: { ...json, origin: "https://evil.example" }, data: invalid }),
        403,
        CROSS_SITE,
      ],
      [
        "the other app's Origin (same site, other port)",
        api.post(url, { headers: { ...json, origin: WEB }, data: invalid }),
        403,
        CROSS_SITE,
      ],
      [
        "a form's content type",
        api.post(url, {
          headers: { origin: ADMIN, "content-type": "application/x-www-form-urlencoded" },
          data: "name=x&kind=police",
        }),
        415,
        '"messageKey":"apiErrors.request.jsonOnly"',
      ],
      [
        "a body over 1 MB",
        api.post(url, {
          headers: { ...json, origin: ADMIN },
          data: JSON.stringify({ json: { name: "x".repeat(1024 * 1024), kind: "police" } }),
        }),
        413,
        '"messageKey":"apiErrors.request.bodyTooLarge","messageParams":{"megabytes":1}',
      ],
      [
        "a batch of 11 calls",
        api.get(`${ADMIN}/api/trpc/${Array(11).fill("health.check").join(",")}?batch=1&input={}`, {
          headers: SAME_ORIGIN,
        }),
        400,
        '"messageKey":"apiErrors.request.batchTooLarge","messageParams":{"max":10,"count":11}',
      ],
    ];
    for (const [what, pending, status, message] of cases) {
      const res = await pending;
      expect(res.status(), what).toBe(status);
      expect(res.headers()["content-type"], what).toContain("application/json");
      expect(res.headers()["x-correlation-id"], what).toMatch(/^[0-9a-f]{8}$/);
      const body = await res.text();
      expect(body, what).toContain(message);
      expect(body, what).not.toMatch(/stack|node_modules|at \w+ \(/i);
    }
    const tenCalls = await api.get(
      `${ADMIN}/api/trpc/${Array(10).fill("health.check").join(",")}?batch=1&input={}`,
      { headers: SAME_ORIGIN },
    );
    expect(tenCalls.status()).toBe(200);
  });
});

test.describe("with markup injected into a page", () => {
  test.use({
    provokedConsoleErrors: {
      why: "Chromium reports each blocked script on the console, and the injected image (x) is not found",
      messages: [/violates the following Content Security Policy directive/, refusedResource(404)],
    },
  });

  test("[anyone] a script injected into a page's HTML does not run", async ({ page }) => {
    const violations: string[] = [];
    await page.exposeFunction("__reportViolation", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __reportViolation(t: string): void }).__reportViolation(
          e.violatedDirective,
        ),
      );
    });
    // As if a stored or reflected XSS had slipped markup into the page: the response's own
    // headers (its CSP) are kept, the body gets scripts without the nonce.
    await page.route(`${WEB}/sign-in`, async (route) => {
      const res = await route.fetch();
      const body = (await res.text()).replace(
        "</body>",
        `<script>window.__injected = true</script><script src="data:text/javascript,window.__injected=true"></script><img src="x" onerror="window.__injected = true"></body>`,
      );
      await route.fulfill({ response: res, body });
    });
    await page.goto(`${WEB}/sign-in`);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeFalsy();
  });
});

test("[anyone] an X-Forwarded-For of the client's own choosing is not the address the log records", async ({
  page,
  seed,
  db,
}) => {
  const { email, id } = await seed.user({ memberships: [["police", "staff"]] });
  await page.setExtraHTTPHeaders({
    "x-forwarded-for": "203.0.113.77",
    "x-real-ip": "203.0.113.77",
  });
  await signInWithForm(page, WEB, email, "not-the-password");
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
  const rows = await db
    .select({ ip: accessLog.ip })
    .from(accessLog)
    .where(and(eq(accessLog.userId, id), eq(accessLog.action, "sign_in_failed")));
  expect(rows.map((r) => r.ip)).toEqual(["127.0.0.1"]);
});

test("[staff] after sign-in, a callbackUrl to another site ends on the app's own origin", async ({
  page,
  seed,
}) => {
  const { email } = await seed.user({ memberships: [["police", "staff"]] });
  for (const target of ["https://evil.example/", "//evil.example/", "/\\evil.example/"]) {
    await page.context().clearCookies();
    await page.goto(`${WEB}/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    expect(new URL(page.url()).origin, target).toBe(WEB);
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  }
});

test.describe("with an internal error on demand", () => {
  test.use({
    provokedConsoleErrors: {
      why: "the read that fails on purpose",
      messages: [refusedResource(500)],
    },
  });

  test("[staff] errors reach the browser as a reference, never as a stack trace or SQL", async ({
    page,
    seed,
    db,
  }) => {
    // Signs in through the form: the test needs the sign-in server action's id.
    const { email } = await seed.user({ memberships: [["police", "staff"]] });
    const actions: Array<{ url: string; id: string }> = [];
    page.on("request", (r) => {
      const id = r.headers()["next-action"];
      if (id) actions.push({ url: r.url(), id });
    });
    await signInWithForm(page, WEB, email);
    await expect(page).toHaveURL(`${WEB}/`);
    const internals = /stack|node_modules|at \w+ \(|select |postgres|log refused|plpgsql/i;

    // An internal error on demand, touching no other test: a person of this test's own whose
    // profile reads cannot be logged (and a read that cannot be logged fails).
    const person = await seed.person({ registeredBy: "police" });
    // DDL has no typed form: the trigger is SQL text, on names made from the person's uuid.
    const fn = `refuse_log_${person.id.replace(/-/g, "")}`;
    await db.execute(
      sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
       if new.entity_id = '${person.id}' then raise exception 'log refused for the test'; end if;
       return new; end $$`),
    );
    await db.execute(
      sql.raw(
        `create trigger ${fn} before insert on access_log for each row execute function ${fn}()`,
      ),
    );
    try {
      await choosePurposeBeforehand(page, WEB);
      const input = encodeURIComponent(JSON.stringify({ json: { id: person.id } }));
      const failed = await page.request.get(`${WEB}/api/trpc/individual.byId?input=${input}`, {
        headers: SAME_ORIGIN,
      });
      expect(failed.status()).toBe(500);
      const reference = failed.headers()["x-correlation-id"]!;
      expect(reference).toMatch(/^[0-9a-f]{8}$/);
      const body = await failed.text();
      // a message key and the reference, which the page translates (never the error itself)
      expect(body).toContain(
        `"messageKey":"apiErrors.internal","messageParams":{"reference":"${reference}"}`,
      );
      expect(body).not.toMatch(internals);

      // The same through the page: the person sees the reference, the HTML carries no internals.
      const html = await (await page.request.get(`${WEB}/individuals/${person.id}`)).text();
      expect(html).not.toMatch(/log refused|plpgsql|node_modules|"stack"/i);
      await page.goto(`${WEB}/individuals/${person.id}`);
      await expect(
        page.getByText(/Something went wrong on our side\. Reference: [0-9a-f]{8}/),
      ).toBeVisible({ timeout: 30_000 });

      // Next.js's own answers in production: a digest, not the error.
      const notFound = await page.request.get(`${WEB}/no-such-page`);
      expect(notFound.status()).toBe(404);
      expect(await notFound.text()).not.toMatch(/node_modules|at \w+ \(/);
      const signInAction = actions.find((a) => a.url.includes("/sign-in"));
      expect(signInAction, "the sign-in form is a server action").toBeTruthy();
      const broken = await page.request.post(`${WEB}/sign-in`, {
        headers: {
          "next-action": signInAction!.id,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
          origin: WEB,
        },
        data: "this is not what the action expects",
      });
      expect(broken.status()).toBe(500);
      const digestOnly = await broken.text();
      expect(digestOnly).toMatch(/"digest":"\d+"/);
      expect(digestOnly).not.toMatch(internals);

      // Server actions check Origin against the host themselves (item 2 of docs/security-http.md).
      const crossOrigin = await page.request.post(`${WEB}/sign-in`, {
        headers: {
          "next-action": signInAction!.id,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
          origin: "https://evil.example",
        },
        data: JSON.stringify([{ email, password: DEMO_PASSWORD }]),
      });
      expect(crossOrigin.status()).toBe(500);
      expect(crossOrigin.headers()["set-cookie"] ?? "").not.toContain("session-token");
    } finally {
      await db.execute(sql.raw(`drop trigger ${fn} on access_log; drop function ${fn}()`));
    }
  });
});

// ---- The server, not the page, decides ------------------------------------------------------

const PUBLIC_PROCEDURES = new Set(["health.check"]);
/** Each app's protected procedures: what its own router mounts, less the public ones. */
const protectedProcedures = Object.fromEntries(
  Object.entries({ web: webRouter, admin: adminRouter }).map(([app, router]) => [
    app,
    // `_def.procedures` is flat at run time ("individual.list"), whatever its declared type says.
    Object.entries(router._def.procedures as unknown as Record<string, { _def: { type: string } }>)
      .filter(([path]) => !PUBLIC_PROCEDURES.has(path))
      .map(([path, p]) => ({ path, type: p._def.type })),
  ]),
) as Record<keyof typeof APPS, Array<{ path: string; type: string }>>;

function crafted(base: string, tokens: { web: string; admin: string }) {
  const host = new URL(base).host;
  const flip = (t: string) => t.slice(0, 40) + (t[40] === "A" ? "B" : "A") + t.slice(41);
  const none = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const unsigned = `${none({ alg: "none" })}.${none({ claims: { userId: "x" } })}.`;
  return {
    "the middleware-bypass header": {
      "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
    },
    "the same for a proxy.ts in src": {
      "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
    },
    "garbled and unsigned session cookies": {
      cookie: `truce-web.session-token=garbage; truce-admin.session-token=${unsigned}; authjs.session-token=${unsigned}`,
    },
    "a tampered session token": {
      cookie: `truce-web.session-token=${flip(tokens.web)}; truce-admin.session-token=${flip(tokens.admin)}`,
    },
    "the other app's valid token under this app's cookie name": {
      cookie: `truce-web.session-token=${tokens.admin}; truce-admin.session-token=${tokens.web}`,
    },
    "forwarding headers": {
      "x-forwarded-for": "127.0.0.1",
      "x-forwarded-host": host,
      "x-forwarded-proto": "https",
      "x-real-ip": "127.0.0.1",
    },
    "an Authorization header": {
      authorization: `Basic ${Buffer.from(`platform.admin@truce.example:${DEMO_PASSWORD}`).toString("base64")}`,
    },
    "a bearer token": { authorization: `Bearer ${tokens.admin}` },
  } satisfies Record<string, Record<string, string>>;
}

/** A real session token: the one a role's saved sign-in holds (sign-in.setup.ts). */
function storedToken(role: Role, app: keyof typeof APPS): string {
  const state = JSON.parse(readFileSync(stateFile(role), "utf8")) as {
    cookies: Array<{ name: string; value: string }>;
  };
  const token = state.cookies.find((c) => c.name === `truce-${app}.session-token`)?.value;
  if (!token) throw new Error(`${role}: no ${app} session cookie in the saved sign-in`);
  return token;
}

test("[anyone] the API refuses every protected procedure without a valid session, whatever the headers", async ({
  playwright,
}) => {
  test.setTimeout(120_000);
  const tokens = {
    web: storedToken("police staff", "web"),
    admin: storedToken("platform admin", "admin"),
  };
  expect(protectedProcedures.web.length).toBeGreaterThan(3);
  expect(protectedProcedures.admin.length).toBeGreaterThan(3);
  // A fresh client with no cookie jar: only what each case sends.
  const api = await playwright.request.newContext();
  try {
    // The real tokens work, so the refusals below are about the crafting, not the format.
    const real = await api.get(`${WEB}/api/trpc/session.me`, {
      headers: { ...SAME_ORIGIN, cookie: `truce-web.session-token=${tokens.web}` },
    });
    expect(real.status()).toBe(200);

    for (const app of ["web", "admin"] as const) {
      const base = APPS[app];
      for (const [what, headers] of Object.entries(crafted(base, tokens))) {
        const results = await Promise.all(
          protectedProcedures[app].map(async ({ path, type }) => {
            const url = `${base}/api/trpc/${path}`;
            const res =
              type === "mutation"
                ? await api.post(url, {
                    headers: { ...headers, origin: base, "content-type": "application/json" },
                    data: JSON.stringify({ json: {} }),
                  })
                : await api.get(url, { headers: { ...SAME_ORIGIN, ...headers } });
            return `${path} ${res.status()}`;
          }),
        );
        expect(results, `${app}: ${what}`).toEqual(
          protectedProcedures[app].map(({ path }) => `${path} 401`),
        );
        // The pages only redirect, for convenience; the same headers get no page either.
        const pagePath = app === "web" ? "/individuals" : "/users";
        const pageRes = await api.get(`${base}${pagePath}`, { headers, maxRedirects: 0 });
        expect(pageRes.status(), `${app} ${pagePath}: ${what}`).toBe(307);
        expect(pageRes.headers()["location"]).toMatch(/\/sign-in/);
      }
    }
  } finally {
    await api.dispose();
  }
});
