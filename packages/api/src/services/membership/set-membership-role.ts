import { z } from "zod";
import type { Actor } from "@truce/auth/actor";
import { and, eq, sql, type Db } from "@truce/db";
import { membership } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { endSessionsOf, findManagedMembership } from "./find-managed-membership";

export const setMembershipRoleInput = z.object({
  membershipId: z.string().uuid(),
  role: z.enum(membership.role.enumValues),
  version: z.number().int().min(1),
});

/**
 * Changes the role of a membership the admin manages (findManagedMembership: never their own;
 * an agency admin never that of an admin). Only a platform admin appoints agency admins. The
 * member's sessions end at their next request, so the new role applies at once; the change is
 * logged as a role change.
 */
export async function setMembershipRole(
  db: Db,
  actor: Actor,
  input: z.infer<typeof setMembershipRoleInput>,
) {
  const platformAdmin = actor.platformRoles.includes("platform_admin");
  return db.transaction(async (tx) => {
    const target = await findManagedMembership(tx, actor, input.membershipId);
    if (!platformAdmin && input.role === "agency_admin") {
      throw new AppError("FORBIDDEN", "Only a platform admin appoints agency admins.");
    }
    const [updated] = await tx
      .update(membership)
      .set({ role: input.role, version: sql`${membership.version} + 1`, updatedById: actor.userId })
      .where(and(eq(membership.id, target.id), eq(membership.version, input.version)))
      .returning({ id: membership.id, role: membership.role, version: membership.version });
    if (!updated) {
      throw new AppError(
        "STALE_VERSION",
        "Someone changed this membership meanwhile. Reload and try again.",
      );
    }
    await endSessionsOf(tx, target.userId);
    await recordAccess(tx, actor, {
      action: "role_change",
      entityType: "membership",
      entityId: updated.id,
      fields: ["role"],
      detail: { from: target.role, to: updated.role, userId: target.userId },
    });
    return updated;
  });
}
