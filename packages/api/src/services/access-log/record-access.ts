import type { DbOrTx, Tx } from "@truce/db";
import { accessLog } from "@truce/db/schema";
import type { Purpose } from "../../purpose";
import type { InTransaction } from "../context";

type AccessAction = (typeof accessLog.action.enumValues)[number];
type AccessRow = typeof accessLog.$inferInsert;

/**
 * The rows recorded inside each transaction that `inTransaction` opened, not yet written.
 * Each row takes the lock on the end of the log's hash chain (docs/database-roles.md) until
 * the transaction ends, so every other writer of the log waits that long, and a lock taken
 * after it could deadlock with one of them: the rows are written last, when the outermost
 * transaction's work is done, however many services it composed.
 */
const pendingRows = new WeakMap<DbOrTx, AccessRow[]>();

/**
 * Records one access-log row as the actor, in the transaction of the action it records (the
 * type asks for one): a change that fails leaves no row, and a row that cannot be written
 * fails the change. Inside `inTransaction` the row is written when the outermost transaction's
 * work is done (see pendingRows); in a transaction opened otherwise, at once.
 */
export async function recordAccess(
  { db, actor }: InTransaction,
  entry: {
    action: AccessAction;
    entityType: string;
    entityId: string;
    purpose?: Purpose | null;
    /** Names of the fields changed, never their values. */
    fields?: string[];
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  const row: AccessRow = {
    userId: actor.userId,
    membershipId: actor.membership?.id ?? null,
    agencyId: actor.membership?.agencyId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    purpose: entry.purpose ?? null,
    fields: entry.fields ?? null,
    detail: entry.detail ?? null,
  };
  const pending = pendingRows.get(db);
  if (pending) pending.push(row);
  else await db.insert(accessLog).values(row);
}

/**
 * Runs `work` in `tx` (opened on `outer`) holding its access-log rows back. When it succeeds
 * they join those of the enclosing transaction, or, where `outer` is none of ours, are
 * written now, last. When it fails they are dropped with the rest of its work.
 */
export async function deferAccessRows<T>(
  outer: DbOrTx,
  tx: Tx,
  work: () => Promise<T>,
): Promise<T> {
  const rows: AccessRow[] = [];
  pendingRows.set(tx, rows);
  const result = await work();
  pendingRows.delete(tx);
  const enclosing = pendingRows.get(outer);
  if (enclosing) enclosing.push(...rows);
  // One at a time, in the order recorded: each row seals the one before it in the chain.
  else for (const row of rows) await tx.insert(accessLog).values(row);
  return result;
}
