import { and, eq } from "@truce/db";
import { individual } from "@truce/db/schema";
import { AppError } from "../../errors";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";

/**
 * The person, if they are in the actor's view of the register; otherwise the same refusal
 * as for no such person, so a pending registration elsewhere is not even confirmed to exist.
 */
export async function findVisibleIndividual(
  { db, actor }: ServiceContext,
  individualId: string,
): Promise<{ id: string }> {
  const [row] = await db
    .select({ id: individual.id })
    .from(individual)
    .where(and(eq(individual.id, individualId), individualScope(actor)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "apiErrors.individual.notFound");
  return row;
}
