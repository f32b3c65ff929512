import type { Actor } from "@truce/auth/actor";
import { and, eq, type DbOrTx } from "@truce/db";
import { individual } from "@truce/db/schema";
import { AppError } from "../../errors";
import { individualScope } from "../../policy";

export const INDIVIDUAL_NOT_FOUND =
  "No such person in the register, or not visible to your agency.";

/**
 * The person, if they are in the actor's view of the register; otherwise the same refusal
 * as for no such person, so a pending registration elsewhere is not even confirmed to exist.
 */
export async function findVisibleIndividual(
  tx: DbOrTx,
  actor: Actor,
  individualId: string,
): Promise<{ id: string }> {
  const [row] = await tx
    .select({ id: individual.id })
    .from(individual)
    .where(and(eq(individual.id, individualId), individualScope(actor)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", INDIVIDUAL_NOT_FOUND);
  return row;
}
