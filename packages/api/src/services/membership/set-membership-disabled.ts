import { membership } from "@truce/db/schema";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import { endSessionsOf, findManagedMembership } from "./find-managed-membership";
import type { SetMembershipDisabledInput } from "./schemas";

/**
 * Disables (or enables) a user's membership in one agency: what an agency admin does where a
 * platform admin would disable the whole account. A disabled membership no longer counts
 * anywhere (listMemberships leaves it out), while the user's other memberships keep working.
 * Disabling ends the member's sessions at their next request; the change is logged with it.
 */
export async function setMembershipDisabled(
  ctx: ServiceContext,
  input: SetMembershipDisabledInput,
) {
  return inTransaction(ctx, async (tx) => {
    const target = await findManagedMembership(tx, input.membershipId);
    const updated = await updateVersioned(tx, membership, {
      id: target.id,
      version: input.version,
      set: { disabled: input.disabled },
      returning: { id: membership.id, disabled: membership.disabled, version: membership.version },
      staleKey: "apiErrors.membership.stale",
    });
    // Disabling ends the member's sessions; enabling needs no sign-out, since every request
    // reads the memberships that count afresh.
    if (updated.disabled) await endSessionsOf(tx, target.userId);
    await recordAccess(tx, {
      action: "update",
      entityType: "membership",
      entityId: updated.id,
      fields: ["disabled"],
      detail: { userId: target.userId, disabled: updated.disabled },
    });
    return updated;
  });
}
