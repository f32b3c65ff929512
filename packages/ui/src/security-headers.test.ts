import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import {
  BASE_SECURITY_HEADERS,
  contentSecurityPolicy,
  NO_DOCUMENT_POLICY,
  securityProxy,
  servedOverHttps,
  withApiSecurityHeaders,
} from "./security-headers";

const directives = (csp: string) =>
  Object.fromEntries(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe("the Content-Security-Policy", () => {
  const production = directives(contentSecurityPolicy({ nonce: "abc", dev: false, https: false }));

  it("runs only scripts carrying this response's nonce, and what they load", () => {
    expect(production["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
  });

  it("locks down everything a page could be abused with", () => {
    expect(production).toMatchObject({
      "default-src": ["'self'"],
      "img-src": ["'self'", "data:"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
    expect(Object.values(production).flat()).not.toContain("'unsafe-eval'");
  });

  it("allows eval only under next dev, and upgrades requests only over https", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "abc", dev: true, https: false }));
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(production).not.toHaveProperty("upgrade-insecure-requests");
    const https = directives(contentSecurityPolicy({ nonce: "abc", dev: false, https: true }));
    expect(https).toHaveProperty("upgrade-insecure-requests");
  });
});

describe("https detection", () => {
  it("trusts the deployment's setting or the proxy's x-forwarded-proto", () => {
    expect(servedOverHttps(new Headers(), true)).toBe(true);
    expect(servedOverHttps(new Headers({ "x-forwarded-proto": "https" }), false)).toBe(true);
    expect(servedOverHttps(new Headers({ "x-forwarded-proto": "HTTPS, http" }), false)).toBe(true);
    expect(servedOverHttps(new Headers({ "x-forwarded-proto": "http" }), false)).toBe(false);
    expect(servedOverHttps(new Headers(), false)).toBe(false);
  });
});

describe("the proxy", () => {
  const run = (headers: Record<string, string> = {}) =>
    securityProxy(new NextRequest("http://truce.example/individuals", { headers }));

  it("hands Next.js a fresh nonce in the request's CSP and sends the same policy back", () => {
    const first = run();
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(run().headers.get("content-security-policy")).not.toBe(csp);
  });

  it("sets the fixed headers and no-store on every response it sees", () => {
    const res = run();
    for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) {
      expect(res.headers.get(name)).toBe(value);
    }
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sends Strict-Transport-Security only over https", () => {
    expect(run().headers.has("strict-transport-security")).toBe(false);
    expect(run({ "x-forwarded-proto": "https" }).headers.get("strict-transport-security")).toMatch(
      /^max-age=\d{8,}; includeSubDomains$/,
    );
  });
});

describe("the API's headers", () => {
  const api = withApiSecurityHeaders(async () => Response.json({ ok: true }));
  const call = (headers: Record<string, string> = {}) =>
    api(new Request("http://truce.example/api/trpc/health.check", { headers }));

  it("are the proxy's, or stricter: the same fixed headers and no-store, a policy that allows nothing", async () => {
    const res = await call();
    const proxied = securityProxy(new NextRequest("http://truce.example/api/trpc/health.check"));
    const proxyHeaders = [...proxied.headers].filter(([name]) => !name.startsWith("x-middleware"));
    expect(proxyHeaders.length).toBeGreaterThan(Object.keys(BASE_SECURITY_HEADERS).length);
    for (const [name, value] of proxyHeaders) {
      expect(res.headers.get(name), name).toBe(
        name === "content-security-policy" ? NO_DOCUMENT_POLICY : value,
      );
    }
    expect(NO_DOCUMENT_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(await res.json()).toEqual({ ok: true });
  });

  it("send Strict-Transport-Security only over https", async () => {
    expect((await call()).headers.has("strict-transport-security")).toBe(false);
    const https = await call({ "x-forwarded-proto": "https" });
    expect(https.headers.get("strict-transport-security")).toMatch(
      /^max-age=\d{8,}; includeSubDomains$/,
    );
  });
});
