import type { DbOrTx } from "@truce/db";

/**
 * A read of case content about a person, as the access log records it. The procedure
 * builder `caseContentProcedure` (trpc.ts) hands services a `RecordRead` that writes it with
 * the session's purpose; services never see the purpose, so none can log without it.
 */
export interface CaseRead {
  /** What was read: a person (their profile, notes or interventions) or one note. */
  entityType: "individual" | "note";
  entityId: string;
  /** Which view, and the ids of what it showed; never the content itself. */
  detail?: Record<string, unknown>;
}

/**
 * Writes the read to the access log. Call it with the transaction of the read itself, so a
 * read whose log row cannot be written returns nothing.
 */
export type RecordRead = (tx: DbOrTx, read: CaseRead) => Promise<void>;
