import { eq } from "@truce/db";
import { group } from "@truce/db/schema";
import { AppError } from "../../errors";
import type { InTransaction, ServiceContext } from "../context";

/**
 * The group, or the refusal for no such group. Groups are the register's shared core, with
 * no pending state: every case agency sees every group.
 */
export async function findGroup({ db }: ServiceContext, groupId: string): Promise<{ id: string }> {
  const [row] = await db.select({ id: group.id }).from(group).where(eq(group.id, groupId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", "apiErrors.group.notFound");
  return row;
}

/**
 * The group, locked until the transaction ends: changes of its memberships take it in turn,
 * so two at once cannot both find a person not yet a member and both add them.
 */
export async function lockGroup({ db }: InTransaction, groupId: string): Promise<{ id: string }> {
  const [row] = await db
    .select({ id: group.id })
    .from(group)
    .where(eq(group.id, groupId))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND", "apiErrors.group.notFound");
  return row;
}
