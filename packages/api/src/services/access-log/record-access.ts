import type { Actor } from "@truce/auth/actor";
import type { DbOrTx } from "@truce/db";
import { accessLog } from "@truce/db/schema";
import type { Purpose } from "../../purpose";

type AccessAction = (typeof accessLog.action.enumValues)[number];

/**
 * Writes one access-log row as the actor. Call it with the transaction of the action it
 * records: a change that fails leaves no row, and a row that cannot be written fails the
 * change. Write it last in the transaction: the row takes the lock on the end of the log's
 * hash chain (docs/database-roles.md) until the transaction ends, so every other writer of
 * the log waits that long, and a lock taken after it could deadlock with one of them.
 */
export async function recordAccess(
  tx: DbOrTx,
  actor: Actor,
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
  await tx.insert(accessLog).values({
    userId: actor.userId,
    membershipId: actor.membership?.id ?? null,
    agencyId: actor.membership?.agencyId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    purpose: entry.purpose ?? null,
    fields: entry.fields ?? null,
    detail: entry.detail ?? null,
  });
}
