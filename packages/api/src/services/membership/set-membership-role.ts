import { z } from "zod";
import type { Actor } from "@truce/auth/actor";
import { and, eq, sql, type Db } from "@truce/db";
import { membership, user } from "@truce/db/schema";
import { AppError } from "../../errors";
import { membershipAdminScope, notOwnMembership } from "../../policy";
import { recordAccess } from "../access-log/record-access";

export const setMembershipRoleInput = z.object({
  membershipId: z.string().uuid(),
  role: z.enum(membership.role.enumValues),
  version: z.number().int().min(1),
});

/**
 * Changes the role of a membership the admin manages. Nobody changes their own role; only a
 * platform admin appoints (or removes) agency admins. The member's sessions end at their
 * next request, so the new role applies at once; the change is logged as a role change.
 */
export async function setMembershipRole(
  db: Db,
  actor: Actor,
  input: z.infer<typeof setMembershipRoleInput>,
) {
  const platformAdmin = actor.platformRoles.includes("platform_admin");
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: membership.id, userId: membership.userId, role: membership.role })
      .from(membership)
      .where(and(eq(membership.id, input.membershipId), membershipAdminScope(actor)))
      .limit(1);
    if (!target) throw new AppError("NOT_FOUND", "No such membership in the agencies you manage.");
    if (target.userId === actor.userId)
      throw new AppError("FORBIDDEN", "You cannot change your own role.");
    if (!platformAdmin && (input.role === "agency_admin" || target.role === "agency_admin")) {
      throw new AppError("FORBIDDEN", "Only a platform admin appoints or removes agency admins.");
    }
    const [updated] = await tx
      .update(membership)
      .set({ role: input.role, version: sql`${membership.version} + 1`, updatedById: actor.userId })
      .where(
        and(
          eq(membership.id, target.id),
          eq(membership.version, input.version),
          notOwnMembership(actor),
        ),
      )
      .returning({ id: membership.id, role: membership.role, version: membership.version });
    if (!updated) {
      throw new AppError(
        "STALE_VERSION",
        "Someone changed this membership meanwhile. Reload and try again.",
      );
    }
    await tx
      .update(user)
      .set({ sessionVersion: sql`${user.sessionVersion} + 1` })
      .where(eq(user.id, target.userId));
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
