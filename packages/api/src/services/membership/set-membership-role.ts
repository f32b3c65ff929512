import { membership } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import { endSessionsOf, findManagedMembership } from "./find-managed-membership";
import type { SetMembershipRoleInput } from "./schemas";

/**
 * Changes the role of a membership the admin manages (findManagedMembership: never their own;
 * an agency admin never that of an admin). Only a platform admin appoints agency admins. The
 * member's sessions end at their next request, so the new role applies at once; the change is
 * logged as a role change.
 */
export async function setMembershipRole(ctx: ServiceContext, input: SetMembershipRoleInput) {
  const platformAdmin = ctx.actor.platformRoles.includes("platform_admin");
  return inTransaction(ctx, async (tx) => {
    const target = await findManagedMembership(tx, input.membershipId);
    if (!platformAdmin && input.role === "agency_admin") {
      throw new AppError("FORBIDDEN", "apiErrors.membership.appointAgencyAdmin");
    }
    const updated = await updateVersioned(tx, membership, {
      id: target.id,
      version: input.version,
      set: { role: input.role },
      returning: { id: membership.id, role: membership.role, version: membership.version },
      staleKey: "apiErrors.membership.stale",
    });
    await endSessionsOf(tx, target.userId);
    await recordAccess(tx, {
      action: "role_change",
      entityType: "membership",
      entityId: updated.id,
      fields: ["role"],
      detail: { from: target.role, to: updated.role, userId: target.userId },
    });
    return updated;
  });
}
