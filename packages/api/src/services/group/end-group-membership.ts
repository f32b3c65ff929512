import { and, eq, sql } from "@truce/db";
import { groupMembership, individual } from "@truce/db/schema";
import { AppError } from "../../errors";
import { individualScope } from "../../policy";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import type { EndGroupMembershipInput } from "./schemas";

/**
 * Ends a membership from the version seen, on its last day (today unless given), which is
 * not before its first. Only a membership of someone in the actor's view of the register;
 * one already ended is refused, so an end date is never moved by mistake.
 */
export async function endGroupMembership(ctx: ServiceContext, input: EndGroupMembershipInput) {
  return inTransaction(ctx, async (tx) => {
    const [found] = await tx.db
      .select({
        id: groupMembership.id,
        groupId: groupMembership.groupId,
        individualId: groupMembership.individualId,
        fromOn: groupMembership.fromOn,
        toOn: groupMembership.toOn,
        today: sql<string>`current_date::text`,
      })
      .from(groupMembership)
      .innerJoin(individual, eq(individual.id, groupMembership.individualId))
      .where(and(eq(groupMembership.id, input.membershipId), individualScope(tx.actor)))
      .limit(1);
    if (!found) throw new AppError("NOT_FOUND", "apiErrors.group.membershipNotFound");
    if (found.toOn !== null) throw new AppError("INVALID_INPUT", "apiErrors.group.alreadyEnded");
    const toOn = input.toOn ?? found.today;
    if (found.fromOn !== null && toOn < found.fromOn) {
      throw new AppError("INVALID_INPUT", "apiErrors.group.endBeforeStart");
    }
    const updated = await updateVersioned(tx, groupMembership, {
      id: found.id,
      version: input.version,
      set: { toOn },
      returning: {
        id: groupMembership.id,
        toOn: groupMembership.toOn,
        version: groupMembership.version,
      },
      staleKey: "apiErrors.group.membershipStale",
    });
    await recordAccess(tx, {
      action: "update",
      entityType: "group_membership",
      entityId: updated.id,
      fields: ["toOn"],
      detail: { groupId: found.groupId, individualId: found.individualId },
    });
    return updated;
  });
}
