import { and, eq, isNull, or } from "@truce/db";
import { groupMembership } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { findVisibleIndividual } from "../individual/find-visible-individual";
import { lockGroup } from "./find-group";
import type { AddGroupMemberInput } from "./schemas";

/**
 * Adds a person the actor can see in the register to a group. A person has at most one open
 * membership of a group (one with no end): a second is refused with a message, as is a second
 * membership from the same day (group_membership_individual_group_from_unique). The group is
 * locked while it is checked, so two additions at once take turns.
 */
export async function addGroupMember(ctx: ServiceContext, input: AddGroupMemberInput) {
  const { actor } = ctx;
  return inTransaction(ctx, async (tx) => {
    const target = await lockGroup(tx, input.groupId);
    const person = await findVisibleIndividual(tx, input.individualId);
    const [existing] = await tx.db
      .select({ toOn: groupMembership.toOn })
      .from(groupMembership)
      .where(
        and(
          eq(groupMembership.groupId, target.id),
          eq(groupMembership.individualId, person.id),
          or(
            isNull(groupMembership.toOn),
            input.fromOn === null ? undefined : eq(groupMembership.fromOn, input.fromOn),
          ),
        ),
      )
      .orderBy(groupMembership.toOn)
      .limit(1);
    if (existing) {
      throw new AppError(
        "INVALID_INPUT",
        existing.toOn === null ? "apiErrors.group.alreadyMember" : "apiErrors.group.sameStart",
      );
    }
    const [created] = await tx.db
      .insert(groupMembership)
      .values({
        groupId: target.id,
        individualId: person.id,
        affiliation: input.affiliation,
        fromOn: input.fromOn,
        source: input.source,
        createdById: actor.userId,
        updatedById: actor.userId,
      })
      .returning({ id: groupMembership.id, version: groupMembership.version });
    if (!created) throw new Error("the membership was not written");
    await recordAccess(tx, {
      action: "create",
      entityType: "group_membership",
      entityId: created.id,
      fields: [
        "affiliation",
        ...(input.fromOn === null ? [] : ["fromOn"]),
        ...(input.source === null ? [] : ["source"]),
      ],
      detail: { groupId: target.id, individualId: person.id },
    });
    return created;
  });
}
