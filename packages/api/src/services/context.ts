import type { Actor } from "@truce/auth/actor";
import type { DbOrTx } from "@truce/db";
import type { Purpose } from "../purpose";

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
