import { z } from "zod";
import type { Actor } from "@truce/auth/actor";
import { eq, type Db } from "@truce/db";
import { agency } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { plainText } from "../text";

export const createAgencyInput = z.object({
  name: plainText(120, "Keep the name under 120 characters.").pipe(
    z.string().min(2, "Give the agency a name."),
  ),
  kind: z.enum(agency.kind.enumValues),
});

/** A platform admin adds an agency to the programme. */
export async function createAgency(db: Db, actor: Actor, input: z.infer<typeof createAgencyInput>) {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: agency.id })
      .from(agency)
      .where(eq(agency.name, input.name))
      .limit(1);
    if (taken) throw new AppError("INVALID_INPUT", "An agency with that name already exists.");
    const [created] = await tx
      .insert(agency)
      .values({ ...input, createdById: actor.userId, updatedById: actor.userId })
      .returning({ id: agency.id, name: agency.name, kind: agency.kind });
    if (!created) throw new Error("the agency was not written");
    await recordAccess(tx, actor, {
      action: "create",
      entityType: "agency",
      entityId: created.id,
      fields: ["name", "kind"],
    });
    return created;
  });
}
