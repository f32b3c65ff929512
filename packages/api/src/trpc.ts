import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { loadActor, type Actor, type SessionClaims } from "@truce/auth/actor";
import { getDb, type Db } from "@truce/db";
import type { RecordRead } from "./case-read";
import { correlationId } from "./correlation";
import { AppError, type AppErrorCode } from "./errors";
import { assertCan, type Action } from "./policy";
import { purposeFromHeaders, type Purpose } from "./purpose";
import { recordAccess } from "./services/access-log/record-access";

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

const t = withMeta.create({
  transformer: superjson,
  // Never send stack traces to the browser, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      // Nothing internal (SQL, stack, driver messages) reaches the browser; the reference is
      // the request's correlation id (also its x-correlation-id header) and links what the
      // person sees to this log line.
      const reference = correlationId();
      console.error(`[trpc] internal error, reference ${reference}:`, error.cause ?? error);
      return {
        ...shape,
        message: `Something went wrong on our side. Reference: ${reference}`,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          zodError: null,
          reference,
        },
      };
    }
    return {
      ...shape,
      message: zodError ? "Some fields are not valid." : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, zodError, reference: null },
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
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
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
 * its resolver gets `ctx.recordRead` to write the read to the access log with that purpose,
 * in the read's own transaction. A call that succeeds without recording a read fails as an
 * internal error instead of returning its data, so a procedure built with this cannot forget
 * the log; `meta.caseContent` lets the tests find every such procedure in the router.
 */
export function caseContentProcedure(action: Action) {
  return authorizedProcedure(action)
    .meta({ caseContent: true })
    .use(async ({ ctx, path, next }) => {
      const { purpose } = ctx;
      if (!purpose) {
        throw new AppError(
          "PURPOSE_REQUIRED",
          "Choose the purpose of your work first: every read of a person's case is logged with it.",
        );
      }
      let reads = 0;
      const recordRead: RecordRead = async (tx, read) => {
        await recordAccess(tx, ctx.actor, { action: "read", purpose, ...read });
        reads += 1;
      };
      const result = await next({ ctx: { purpose, recordRead } });
      if (result.ok && reads === 0) {
        throw new TRPCError({
          code: "INTERNAL_SERVER_ERROR",
          cause: new Error(`${path} returned case content without recording the read`),
        });
      }
      return result;
    });
}
