import {
  getTRPCErrorShape,
  transformTRPCResponse,
  TRPCError,
  type AnyTRPCRouter,
} from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { SessionClaims } from "@truce/auth/actor";
import { getDb, type Db } from "@truce/db";
import { apiEnv } from "./env";
import { CORRELATION_HEADER, newCorrelationId, withCorrelationId } from "./correlation";
import { AppError } from "./errors";
import { checkDatabase } from "./services/health/check-database";
import { createTRPCContext } from "./trpc";

const ENDPOINT = "/api/trpc";
/** Calls in one batch; the apps' batch links send at most this many (`maxItems`). */
export const MAX_BATCH_SIZE = 10;
/** Bytes in one request body; no procedure takes more than a page of text. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface TRPCFetchHandlerOptions {
  /** Tests pass their own database; the apps use the configured one. */
  db?: Db;
}

/** An app's `/api/trpc` route handler, and the router it serves (what a test can check). */
export type TRPCFetchHandler<TRouter extends AnyTRPCRouter> = ((
  req: Request,
) => Promise<Response>) & { readonly router: TRouter };

/**
 * The `/api/trpc` route handler of an app, serving that app's router alone (a procedure of
 * the other app is not found: 404): the app says how to read the session's claims;
 * everything else (actor, policy, errors) is decided here. Before tRPC sees a request it
 * must come from this site's own pages (a GET as well as a POST), a POST must be JSON, and
 * both are of bounded size and batch length. Every response carries `x-correlation-id` and
 * `no-store`.
 */
export function createTRPCFetchHandler<TRouter extends AnyTRPCRouter>(
  router: TRouter,
  getClaims: (req: Request) => Promise<SessionClaims | null>,
  options: TRPCFetchHandlerOptions = {},
): TRPCFetchHandler<TRouter> {
  const handler = async (incoming: Request) => {
    const id = newCorrelationId();
    const res = await withCorrelationId(id, async () => {
      const checked = await checkRequest(incoming);
      if (checked instanceof TRPCError) return refuse(router, checked, id, incoming);
      const claims = await getClaims(checked);
      return fetchRequestHandler({
        endpoint: ENDPOINT,
        router,
        req: checked,
        maxBatchSize: MAX_BATCH_SIZE,
        createContext: () =>
          createTRPCContext({ headers: checked.headers, claims, db: options.db }),
      });
    });
    res.headers.set(CORRELATION_HEADER, id);
    res.headers.set("cache-control", "no-store");
    return res;
  };
  return Object.assign(handler, { router });
}

/**
 * `/api/health` for load balancers and start-up scripts: outside tRPC, so it needs none of
 * a browser's headers, and it says nothing but whether the database answers.
 */
export function createHealthHandler(options: TRPCFetchHandlerOptions = {}) {
  return async () => {
    const headers = { "cache-control": "no-store" };
    try {
      return Response.json(await checkDatabase({ db: options.db ?? getDb() }), { headers });
    } catch (error) {
      console.error("[health] the database did not answer:", error);
      return Response.json({ ok: false }, { status: 503, headers });
    }
  };
}

/**
 * The request to hand to tRPC (its body read within the limit), or why it is refused: an HTTP
 * status of its own, and the message key (with its parameters) on an AppError cause, which
 * the error formatter sends as for any other refusal.
 */
async function checkRequest(req: Request): Promise<Request | TRPCError> {
  // Queries (GET) as well as mutations: a read of case content writes the access log, so a
  // page elsewhere must not make a signed-in browser "read" a profile by a link or an <img>.
  if (!isSameOrigin(req.headers)) {
    return new TRPCError({
      code: "FORBIDDEN",
      cause: new AppError("FORBIDDEN", "apiErrors.request.crossSite"),
    });
  }
  if (req.method === "POST") {
    const mediaType = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") {
      return new TRPCError({
        code: "UNSUPPORTED_MEDIA_TYPE",
        cause: new AppError("INVALID_INPUT", "apiErrors.request.jsonOnly"),
      });
    }
  }
  const batch = batchSize(req.url);
  if (batch > MAX_BATCH_SIZE) {
    return new TRPCError({
      code: "BAD_REQUEST",
      cause: new AppError("INVALID_INPUT", "apiErrors.request.batchTooLarge", {
        max: MAX_BATCH_SIZE,
        count: batch,
      }),
    });
  }
  if (req.method !== "POST" || req.body === null) return req;
  const body = await readWithin(req, MAX_BODY_BYTES);
  if (body === null) {
    return new TRPCError({
      code: "PAYLOAD_TOO_LARGE",
      cause: new AppError("INVALID_INPUT", "apiErrors.request.bodyTooLarge", {
        megabytes: MAX_BODY_BYTES / 1024 / 1024,
      }),
    });
  }
  return new Request(req.url, {
    method: req.method,
    headers: req.headers,
    body,
    signal: req.signal,
  });
}

/**
 * CSRF defence for every call: the request must come from this site's own pages. The origin
 * they have is the scheme the apps are served with (https when TRUCE_SECURE_COOKIES says so,
 * else http) and the Host the browser sent, which a page on another site cannot change.
 * X-Forwarded-Host is never read: a client can send it, and a reverse proxy must pass Host
 * on as it came (docs/security-http.md). The browser's Origin decides; without it (a GET),
 * Sec-Fetch-Site, else the Referer; a request with none of them is not a browser's own and
 * gets no benefit of the doubt.
 */
export function isSameOrigin(
  headers: Headers,
  options: { https: boolean } = { https: apiEnv.TRUCE_SECURE_COOKIES },
): boolean {
  const host = headers.get("host")?.trim();
  if (!host) return false;
  const expected = originOf(`${options.https ? "https" : "http"}://${host}`);
  if (expected === null) return false;
  const origin = headers.get("origin");
  if (origin !== null) return originOf(origin) === expected;
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const referer = headers.get("referer");
  return referer !== null && originOf(referer) === expected;
}

/** Scheme, host and port, normalised (case, default ports), or null for anything else. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null; // "null", garbage
  }
}

/** Calls in the request, counted on the decoded path as tRPC splits it. */
function batchSize(url: string): number {
  const parsed = new URL(url);
  if (parsed.searchParams.get("batch") !== "1") return 1;
  try {
    return decodeURIComponent(parsed.pathname).split(",").length;
  } catch {
    return 1; // malformed: tRPC refuses it
  }
}

/** The body, or null when it is longer than `limit` (by its header or by what arrives). */
export async function readWithin(
  req: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  const reader = req.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A refusal in tRPC's own error envelope, so the client reads its message like any other. */
function refuse(router: AnyTRPCRouter, error: TRPCError, id: string, req: Request): Response {
  const config = router._def._config;
  const shape = getTRPCErrorShape({
    config,
    error,
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  if (error.code === "FORBIDDEN") {
    // One line, to see an attack or a misconfigured proxy (Host not passed on) in the log.
    const shown = (name: string) => JSON.stringify(req.headers.get(name)?.slice(0, 100) ?? null);
    console.warn(
      `[trpc] refused a cross-site ${req.method}, reference ${id}: origin=${shown("origin")} ` +
        `sec-fetch-site=${shown("sec-fetch-site")} host=${shown("host")}`,
    );
  }
  return Response.json(transformTRPCResponse(config, { error: shape }), {
    status: getHTTPStatusCodeFromError(error),
  });
}
