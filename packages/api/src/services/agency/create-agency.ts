import { eq } from "@truce/db";
import { agency } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import type { CreateAgencyInput } from "./schemas";

/** A platform admin adds an agency to the programme. */
export async function createAgency(ctx: ServiceContext, input: CreateAgencyInput) {
  return inTransaction(ctx, async (tx) => {
    const { db, actor } = tx;
    const [taken] = await db
      .select({ id: agency.id })
      .from(agency)
      .where(eq(agency.name, input.name))
      .limit(1);
    if (taken) throw new AppError("INVALID_INPUT", "apiErrors.agency.nameTaken");
    const [created] = await db
      .insert(agency)
      .values({ ...input, createdById: actor.userId, updatedById: actor.userId })
      .returning({ id: agency.id, name: agency.name, kind: agency.kind });
    if (!created) throw new Error("the agency was not written");
    await recordAccess(tx, {
      action: "create",
      entityType: "agency",
      entityId: created.id,
      fields: ["name", "kind"],
    });
    return created;
  });
}
