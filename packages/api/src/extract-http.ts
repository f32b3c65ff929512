import { z } from "zod";
import { loadActor, type SessionClaims } from "@truce/auth/actor";
import { getDb, type Db } from "@truce/db";
import { CORRELATION_HEADER, newCorrelationId, withCorrelationId } from "./correlation";
import { isSameOrigin, readWithin } from "./http";
import type { ApiErrorKey, MessageParams } from "./messages";
import { can } from "./policy";
import { startEvaluatorsExtract } from "./services/report/extract/evaluators-extract";
import { evaluatorsExtractInput } from "./services/report/schemas";

/** Bytes in the extract's request body: a period, nothing more. */
export const MAX_EXTRACT_BODY_BYTES = 4096;

export interface ExtractHandlerOptions {
  /** Tests pass their own database; the app uses the configured one. */
  db?: Db;
}

/** A refusal as JSON: the message key the app translates, never a stack or a driver's words. */
function refusal(
  status: number,
  messageKey: ApiErrorKey,
  extra: { messageParams?: MessageParams; zodError?: unknown; reference?: string } = {},
): Response {
  return Response.json(
    {
      error: {
        messageKey,
        messageParams: extra.messageParams ?? {},
        zodError: extra.zodError ?? null,
        reference: extra.reference ?? null,
      },
    },
    { status },
  );
}

/**
 * The web app's `/api/reports/extract` route: the evaluators' extract as a zip archive, made as
 * it downloads (services/report/extract). tRPC does not stream a file, so this handler applies
 * the tRPC handler's guards itself, in the same order: a POST from this site's own pages (the
 * extract writes the access log, so a page elsewhere must not make a manager's browser ask for
 * one), JSON of bounded size, the session's actor (401 without one), the policy's
 * `report.extract` (403), then the input (400). Every answer carries `x-correlation-id` and
 * `no-store`; an internal error names only that reference.
 */
export function createExtractHandler(
  getClaims: (req: Request) => Promise<SessionClaims | null>,
  options: ExtractHandlerOptions = {},
): (req: Request) => Promise<Response> {
  return async (req) => {
    const id = newCorrelationId();
    const res = await withCorrelationId(id, async () => {
      try {
        return await answer(req, getClaims, options.db ?? getDb(), id);
      } catch (error) {
        console.error(`[extract] internal error, reference ${id}:`, error);
        return refusal(500, "apiErrors.internal", {
          messageParams: { reference: id },
          reference: id,
        });
      }
    });
    res.headers.set(CORRELATION_HEADER, id);
    res.headers.set("cache-control", "no-store");
    return res;
  };
}

async function answer(
  req: Request,
  getClaims: (req: Request) => Promise<SessionClaims | null>,
  db: Db,
  id: string,
): Promise<Response> {
  if (req.method !== "POST") {
    const res = refusal(405, "apiErrors.request.refused");
    res.headers.set("allow", "POST");
    return res;
  }
  if (!isSameOrigin(req.headers)) {
    console.warn(`[extract] refused a cross-site request, reference ${id}`);
    return refusal(403, "apiErrors.request.crossSite");
  }
  const mediaType = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") return refusal(415, "apiErrors.request.jsonOnly");
  const bytes =
    req.body === null ? new Uint8Array(0) : await readWithin(req, MAX_EXTRACT_BODY_BYTES);
  // Larger than any period: not the page's own request.
  if (bytes === null) return refusal(413, "apiErrors.request.refused");
  const body = new TextDecoder().decode(bytes);

  const claims = await getClaims(req);
  const actor = claims ? await loadActor(db, claims) : null;
  if (!actor) return refusal(401, "apiErrors.signInRequired");
  if (!can(actor, "report.extract")) return refusal(403, "apiErrors.roleNotAllowed");

  let json: unknown;
  try {
    json = body === "" ? {} : JSON.parse(body);
  } catch {
    return refusal(400, "apiErrors.request.refused");
  }
  const parsed = evaluatorsExtractInput.safeParse(json);
  if (!parsed.success) {
    return refusal(400, "apiErrors.invalidInput", { zodError: z.flattenError(parsed.error) });
  }

  const extract = await startEvaluatorsExtract({ db, actor, purpose: null }, parsed.data, (error) =>
    console.error(`[extract] the extract failed while streaming, reference ${id}:`, error),
  );
  return new Response(extract.stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${extract.fileName}"`,
      // What the page shows its progress by: the files in order, and their rows.
      "x-extract-rows": JSON.stringify(extract.rows),
    },
  });
}
