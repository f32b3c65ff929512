import { z } from "zod";
import type { Actor } from "@truce/auth/actor";
import { and, eq, sql, type Db } from "@truce/db";
import { membership } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { endSessionsOf, findManagedMembership } from "./find-managed-membership";

export const setMembershipDisabledInput = z.object({
  membershipId: z.string().uuid(),
  disabled: z.boolean(),
  version: z.number().int().min(1),
});

/**
 * Disables (or enables) a user's membership in one agency: what an agency admin does where a
 * platform admin would disable the whole account. A disabled membership no longer counts
 * anywhere (listMemberships leaves it out), while the user's other memberships keep working.
 * Disabling ends the member's sessions at their next request; the change is logged with it.
 */
export async function setMembershipDisabled(
  db: Db,
  actor: Actor,
  input: z.infer<typeof setMembershipDisabledInput>,
) {
  return db.transaction(async (tx) => {
    const target = await findManagedMembership(tx, actor, input.membershipId);
    const [updated] = await tx
      .update(membership)
      .set({
        disabled: input.disabled,
        version: sql`${membership.version} + 1`,
        updatedById: actor.userId,
      })
      .where(and(eq(membership.id, target.id), eq(membership.version, input.version)))
      .returning({ id: membership.id, disabled: membership.disabled, version: membership.version });
    if (!updated) {
      throw new AppError(
        "STALE_VERSION",
        "Someone changed this membership meanwhile. Reload and try again.",
      );
    }
    // Disabling ends the member's sessions; enabling needs no sign-out, since every request
    // reads the memberships that count afresh.
    if (updated.disabled) await endSessionsOf(tx, target.userId);
    await recordAccess(tx, actor, {
      action: "update",
      entityType: "membership",
      entityId: updated.id,
      fields: ["disabled"],
      detail: { userId: target.userId, disabled: updated.disabled },
    });
    return updated;
  });
}
