import type { Actor } from "@truce/auth/actor";
import type { DbOrTx, Tx } from "@truce/db";
import type { Purpose } from "../purpose";
import { deferAccessRows } from "./access-log/record-access";

/**
 * What every service takes first: `service(ctx, input)`. `db` is the database or an open
 * transaction, so that a caller can build one change from several services inside one
 * transaction (a call-in, its participants, a referral and the follow-up, all or nothing).
 */
export interface ServiceContext {
  db: DbOrTx;
  actor: Actor;
  /** The session's declared purpose; case-content reads are logged with it. */
  purpose: Purpose | null;
}

/**
 * A context whose `db` is an open transaction: what `inTransaction` hands its work, and what
 * anything that must share the transaction of the change it belongs to (an access-log row, a
 * row lock) asks for, so passing the outer context by mistake fails the typecheck.
 */
export type InTransaction<C extends ServiceContext = ServiceContext> = Omit<C, "db"> & { db: Tx };

/**
 * Runs `work` in a transaction: a new one on a database, a savepoint inside an open one. A
 * service opens its transaction with this, never with `db.transaction` on its own, so a
 * caller that composes several services inside its own transaction gets all of them or
 * none; a savepoint also undoes just the failed service when a caller catches its error and
 * carries on. The access-log rows its services record are written last, at the end of the
 * outermost one (record-access.ts says why).
 */
export function inTransaction<C extends ServiceContext, T>(
  ctx: C,
  work: (tx: InTransaction<C>) => Promise<T>,
): Promise<T> {
  // A transaction's `transaction` opens a savepoint; the database's takes options as well,
  // which this does not use, so both fit the transaction's signature.
  const db: Pick<Tx, "transaction"> = ctx.db;
  return db.transaction((tx) => deferAccessRows(ctx.db, tx, () => work({ ...ctx, db: tx })));
}
