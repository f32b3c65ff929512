import { and, eq, isNull, or } from "@truce/db";
import { alliance } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { lockGroup } from "../group/find-group";
import type { CreateAllianceInput } from "./schemas";

/**
 * Records two groups as allied. Two groups have at most one alliance in force (one with no
 * end), whichever of them is named first: a second is refused with a message. Both groups are
 * locked, in the order of their ids so that two recordings at once never wait on each other,
 * while it is checked; the unique index alliance_open_pair_unique holds it besides.
 */
export async function createAlliance(ctx: ServiceContext, input: CreateAllianceInput) {
  const { actor } = ctx;
  return inTransaction(ctx, async (tx) => {
    const [first, second] = [input.groupAId, input.groupBId].sort();
    await lockGroup(tx, first!);
    await lockGroup(tx, second!);
    const pair = (a: string, b: string) => and(eq(alliance.groupAId, a), eq(alliance.groupBId, b));
    const [open] = await tx.db
      .select({ id: alliance.id })
      .from(alliance)
      .where(
        and(
          or(pair(input.groupAId, input.groupBId), pair(input.groupBId, input.groupAId)),
          isNull(alliance.toOn),
        ),
      )
      .limit(1);
    if (open) throw new AppError("INVALID_INPUT", "apiErrors.alliance.alreadyAllied");
    const [created] = await tx.db
      .insert(alliance)
      .values({
        groupAId: input.groupAId,
        groupBId: input.groupBId,
        fromOn: input.fromOn,
        note: input.note,
        createdById: actor.userId,
        updatedById: actor.userId,
      })
      .returning({ id: alliance.id, version: alliance.version });
    if (!created) throw new Error("the alliance was not written");
    await recordAccess(tx, {
      action: "create",
      entityType: "alliance",
      entityId: created.id,
      fields: [
        "groupAId",
        "groupBId",
        ...(input.fromOn === null ? [] : ["fromOn"]),
        ...(input.note === null ? [] : ["note"]),
      ],
      detail: { groupIds: [input.groupAId, input.groupBId] },
    });
    return created;
  });
}
