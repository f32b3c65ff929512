import { and, eq, sql } from "@truce/db";
import { membership, user } from "@truce/db/schema";
import { AppError } from "../../errors";
import { managedMembershipScope, membershipAdminScope } from "../../policy";
import type { InTransaction } from "../context";

/**
 * The membership an admin is about to change, locked for the change, once the policy's
 * managedMembershipScope allows it. Every procedure that changes a membership starts here.
 */
export async function findManagedMembership({ db, actor }: InTransaction, membershipId: string) {
  // Lock the membership and its user before reading the rule: a concurrent change of the
  // user's roles (which also writes the user row, to end their sessions) has then either
  // committed, and the rule below sees it, or waits until this change is done.
  const [visible] = await db
    .select({ id: membership.id })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.id, membershipId), membershipAdminScope(actor)))
    .for("update");
  // Another agency's membership is refused as if it did not exist: an agency admin learns
  // nothing of other agencies.
  if (!visible) throw new AppError("NOT_FOUND", "apiErrors.membership.notFound");
  const [target] = await db
    .select({
      id: membership.id,
      userId: membership.userId,
      role: membership.role,
      disabled: membership.disabled,
      managed: sql<boolean>`${managedMembershipScope(actor)}`,
    })
    .from(membership)
    .where(eq(membership.id, visible.id));
  if (!target) throw new AppError("NOT_FOUND", "apiErrors.membership.notFound");
  if (!target.managed) {
    throw new AppError(
      "FORBIDDEN",
      target.userId === actor.userId ? "apiErrors.membership.own" : "apiErrors.membership.ofAdmin",
    );
  }
  return target;
}

/**
 * Ends every session of the user at their next request (loadActor compares the session
 * version), so a change to their memberships applies at once.
 */
export async function endSessionsOf({ db }: InTransaction, userId: string): Promise<void> {
  await db
    .update(user)
    .set({ sessionVersion: sql`${user.sessionVersion} + 1` })
    .where(eq(user.id, userId));
}
