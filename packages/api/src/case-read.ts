import type { Purpose } from "./purpose";
import { recordAccess } from "./services/access-log/record-access";
import type { InTransaction, ServiceContext } from "./services/context";

/**
 * A read of case content about a person, as the access log records it. Only a
 * `caseContentProcedure` (trpc.ts) builds the context that `recordRead` takes, with the
 * session's purpose, so no service can log a read without it.
 */
export interface CaseRead {
  /**
   * What was read: a person (their profile, notes or interventions), one note, or a group or
   * a conflict (its profile, which shows people, or its notes).
   */
  entityType:
    | "individual"
    | "note"
    | "group"
    | "conflict"
    | "incident"
    | "intervention"
    /** An agency's referrals (its inbox or those it sent): they name people, carry notes. */
    | "agency";
  entityId: string;
  /** Which view, and the ids of what it showed; never the content itself. */
  detail?: Record<string, unknown>;
}

/** What a service that returns case content takes: a purpose is known, and reads are counted. */
export interface CaseContentContext extends ServiceContext {
  purpose: Purpose;
  /**
   * The reads recorded in this call. caseContentProcedure refuses to return the data of a
   * call that recorded none, so a service that forgets the log fails instead of leaking.
   */
  caseReads: { recorded: number };
}

/**
 * Writes the read to the access log with the session's purpose. It takes the read's own
 * transaction (the type asks for it), so a read whose log row cannot be written returns
 * nothing.
 */
export async function recordRead(
  ctx: InTransaction<CaseContentContext>,
  read: CaseRead,
): Promise<void> {
  await recordAccess(ctx, { action: "read", purpose: ctx.purpose, ...read });
  ctx.caseReads.recorded += 1;
}
