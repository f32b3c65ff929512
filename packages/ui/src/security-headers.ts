import { NextResponse, type NextRequest } from "next/server";
import { uiEnv } from "./env";

/**
 * The response headers both apps send. Applied by each app's `proxy.ts` (pages, route
 * handlers, server actions, metadata files), by `next.config.ts` `headers()` for the hashed
 * assets under /_next/static, and by the API's route handlers themselves (`/api/trpc`,
 * `/api/health`: `withApiSecurityHeaders`), which the proxy does not see either. Why each
 * value: docs/security-http.md.
 */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  // Not `no-referrer`: with it Chromium sends `Origin: null` on a same-origin form POST (a
  // server action submitted before hydration), which the origin checks must then refuse.
  // `same-origin` sends nothing to other sites either.
  "Referrer-Policy": "same-origin",
  "Permissions-Policy":
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), " +
    "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** The policy of a response that is never a document (an asset, the API's JSON): nothing. */
export const NO_DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * For next.config.ts `headers()`: the hashed build assets under /_next/static, which the
 * proxy's matcher leaves out so that they stay cacheable. They are never a document, so their
 * policy allows nothing.
 */
export function staticAssetHeaders() {
  const source = "/_next/static/:path*";
  return [
    {
      source,
      headers: [
        ...Object.entries(BASE_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
        { key: "Content-Security-Policy", value: NO_DOCUMENT_POLICY },
      ],
    },
    {
      source,
      has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }],
      headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }],
    },
  ];
}

export interface CspOptions {
  nonce: string;
  /** `next dev`: React's refresh and error overlay need eval. */
  dev: boolean;
  https: boolean;
}

/**
 * Scripts only with this response's nonce (Next.js adds it to its own scripts when it finds
 * it in the request's CSP header) and what they load ('strict-dynamic'). Styles allow inline
 * because Radix UI positions popovers with style attributes and injects <style> elements
 * without a nonce. Images allow data: for the TOTP enrolment QR code.
 */
export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Over https when the deployment says so, or the TLS-terminating proxy in front does. */
export function servedOverHttps(headers: Headers, secureCookies = uiEnv.TRUCE_SECURE_COOKIES) {
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return secureCookies || proto === "https";
}

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Every header a page or API response carries, for one request. */
export function securityHeadersFor(options: CspOptions): Record<string, string> {
  return {
    ...BASE_SECURITY_HEADERS,
    "Content-Security-Policy": contentSecurityPolicy(options),
    // Everything the proxy sees may carry personal data; only hashed assets are cacheable,
    // and the proxy's matcher leaves those out.
    "Cache-Control": "no-store",
    ...(options.https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/**
 * The body of both apps' `proxy.ts`: a fresh nonce per request, handed to Next.js through
 * the request's CSP header (it nonces its bootstrap scripts from it) and set on the response.
 * It decides nothing about who may see what: the tRPC procedures do.
 */
export function securityProxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const headers = securityHeadersFor({
    nonce,
    dev: uiEnv.NODE_ENV === "development",
    https: servedOverHttps(request.headers),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The API's headers, over plain http and over https: fixed, so built once. */
const apiHeaders = (https: boolean): ReadonlyArray<[string, string]> =>
  Object.entries({
    ...BASE_SECURITY_HEADERS,
    "Content-Security-Policy": NO_DOCUMENT_POLICY,
    "Cache-Control": "no-store",
    ...(https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
  });
const API_HEADERS = { http: apiHeaders(false), https: apiHeaders(true) };

/**
 * An API route handler (`/api/trpc`, `/api/health`) that sets its own security headers, so
 * the proxy, which both apps' matchers leave these routes out of, does not run on every API
 * call (a nonce and a rewritten request that JSON has no use for). What it sets is stricter
 * than a page's: the API never answers with a document, so its policy allows nothing.
 */
export function withApiSecurityHeaders<Extra extends object>(
  handler: ((req: Request) => Promise<Response>) & Extra,
): ((req: Request) => Promise<Response>) & Extra {
  const withHeaders = async (req: Request) => {
    const res = await handler(req);
    const headers = API_HEADERS[servedOverHttps(req.headers) ? "https" : "http"];
    for (const [name, value] of headers) res.headers.set(name, value);
    return res;
  };
  // What the handler carries besides itself (the tRPC handler's router) stays visible.
  return Object.assign(withHeaders, handler);
}
