import { initTRPC, TRPCError } from "@trpc/server";
import { transformer } from "./transformer";
import { z, ZodError } from "zod";
import { loadActor, type Actor, type SessionClaims } from "@truce/auth/actor";
import { getDb, type Db } from "@truce/db";
import type { CaseContentContext } from "./case-read";
import { correlationId } from "./correlation";
import { AppError, type AppErrorCode } from "./errors";
import type { ApiErrorKey, MessageParams } from "./messages";
import { assertCan, type Action } from "./policy";
import { purposeFromHeaders, type Purpose } from "./purpose";

// 1. Context ---------------------------------------------------------------------------------

export interface CreateContextOptions {
  headers: Headers;
  /** The claims of the signed session, or null when there is no valid session. */
  claims: SessionClaims | null;
  /**
   * The session's purpose when the caller knows it better than the request headers do: a
   * server component rendered in the response to a server action that just stored it.
   */
  purpose?: Purpose | null;
  db?: Db;
}

/**
 * Turns the session into an actor, read from the database on every request, so a disabled
 * user or a stale session is refused on the very next call. Used by the route handlers and
 * by server components alike.
 */
export async function createTRPCContext(opts: CreateContextOptions) {
  const db = opts.db ?? getDb();
  const actor = opts.claims ? await loadActor(db, opts.claims) : null;
  const purpose = opts.purpose !== undefined ? opts.purpose : purposeFromHeaders(opts.headers);
  return { db, actor, headers: opts.headers, purpose };
}
export type Context = Awaited<ReturnType<typeof createTRPCContext>>;

// 2. Initialisation ----------------------------------------------------------------------------

/** What a procedure declares about itself; tests enumerate the router and read it. */
export interface Meta {
  /** Returns case content about a person: built by `caseContentProcedure`, nothing else. */
  caseContent?: true;
}

const withMeta = initTRPC.context<Context>().meta<Meta>();

/**
 * What the person is told, as a key and its parameters (errors.ts); the apps translate it.
 * An internal error names only its reference, never what went wrong.
 */
function messageOf(
  error: TRPCError,
  invalidFields: boolean,
  reference: string | null,
): [ApiErrorKey, MessageParams] {
  if (reference) return ["apiErrors.internal", { reference }];
  if (invalidFields) return ["apiErrors.invalidInput", {}];
  if (error.cause instanceof AppError) return [error.cause.key, error.cause.params];
  // tRPC's own refusals (no such procedure, a malformed call) say nothing a person acts on.
  return ["apiErrors.request.refused", {}];
}

const t = withMeta.create({
  transformer,
  // Never send stack traces to the browser, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    let reference: string | null = null;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      // Nothing internal (SQL, stack, driver messages) reaches the browser; the reference is
      // the request's correlation id (also its x-correlation-id header) and links what the
      // person sees to this log line.
      reference = correlationId();
      console.error(`[trpc] internal error, reference ${reference}:`, error.cause ?? error);
    }
    const zodError =
      !reference && error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const [messageKey, messageParams] = messageOf(error, zodError !== null, reference);
    return {
      ...shape,
      message: messageKey,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        messageKey,
        messageParams,
        zodError,
        reference,
      },
    };
  },
});

const trpcCodeOf: Record<AppErrorCode, TRPCError["code"]> = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  STALE_VERSION: "CONFLICT",
  INVALID_INPUT: "BAD_REQUEST",
  PURPOSE_REQUIRED: "PRECONDITION_FAILED",
};

/** Services throw AppError; this maps it to the tRPC code (and so the HTTP status). */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  }
  return result;
});

// 3. Procedures --------------------------------------------------------------------------------

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(domainErrors);

/** A signed-in, enabled user with a current session; anything else is 401. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) {
    throw new AppError("UNAUTHENTICATED", "apiErrors.signInRequired");
  }
  return next({ ctx: { ...ctx, actor: ctx.actor as Actor } });
});

/** A protected procedure that the policy must allow for `action` (otherwise 403). */
export function authorizedProcedure(action: Action) {
  return protectedProcedure.use(({ ctx, next }) => {
    assertCan(ctx.actor, action);
    return next();
  });
}

/**
 * A procedure that returns case content about a person (a profile, notes, interventions).
 * Whatever its resolver does, it runs only with the session's purpose (otherwise 412), and
 * its context is a `CaseContentContext`: what a case-content service takes, and what
 * `recordRead` (case-read.ts) needs to write the read to the access log with that purpose, in
 * the read's own transaction. A call that succeeds without recording a read fails as an
 * internal error instead of returning its data, so a procedure built with this cannot forget
 * the log; `meta.caseContent` lets the tests find every such procedure in the router.
 */
export function caseContentProcedure(action: Action) {
  return authorizedProcedure(action)
    .meta({ caseContent: true })
    .use(async ({ ctx, path, next }) => {
      const { purpose } = ctx;
      if (!purpose) {
        throw new AppError("PURPOSE_REQUIRED", "apiErrors.purposeRequired");
      }
      const caseReads: CaseContentContext["caseReads"] = { recorded: 0 };
      const result = await next({ ctx: { purpose, caseReads } });
      if (result.ok && caseReads.recorded === 0) {
        throw new TRPCError({
          code: "INTERNAL_SERVER_ERROR",
          cause: new Error(`${path} returned case content without recording the read`),
        });
      }
      return result;
    });
}
