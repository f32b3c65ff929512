import { eq, sql } from "@truce/db";
import { group } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type InTransaction, type ServiceContext } from "../context";
import { GROUP_FIELDS, type CreateGroupInput } from "./schemas";

/**
 * Records a group. Groups are the register's shared core: there is no pending state, and
 * every case agency sees it at once. Its name is its own, whatever the case.
 */
export async function createGroup(ctx: ServiceContext, input: CreateGroupInput) {
  const { actor } = ctx;
  return inTransaction(ctx, async (tx) => {
    await refuseTakenName(tx, input.name);
    const [created] = await tx.db
      .insert(group)
      .values({
        name: input.name,
        aliases: input.aliases,
        area: input.area,
        status: input.status,
        description: input.description,
        createdById: actor.userId,
        updatedById: actor.userId,
      })
      .returning({ id: group.id, version: group.version });
    if (!created) throw new Error("the group was not written");
    await recordAccess(tx, {
      action: "create",
      entityType: "group",
      entityId: created.id,
      fields: GROUP_FIELDS.filter((field) => {
        const value = input[field];
        return value !== null && !(Array.isArray(value) && value.length === 0);
      }),
    });
    return created;
  });
}

/**
 * A group's name is one group's, compared without case (group_name_lower_unique): a second
 * group by that name is refused with a message, not left to the unique index (whose refusal
 * would be an internal error). `except` is the group being edited.
 */
export async function refuseTakenName(
  { db }: InTransaction,
  name: string,
  except?: string,
): Promise<void> {
  const [taken] = await db
    .select({ id: group.id })
    .from(group)
    .where(eq(sql`lower(${group.name})`, sql`lower(${name})`))
    .limit(1);
  if (taken && taken.id !== except) {
    throw new AppError("INVALID_INPUT", "apiErrors.group.nameTaken");
  }
}
