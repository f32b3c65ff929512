import { and, eq } from "@truce/db";
import { individual, outcome } from "@truce/db/schema";
import { AppError } from "../../errors";
import { individualScope } from "../../policy";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { setIndividualStatus } from "../individual/update-individual";
import { statusAfterOutcome, type CreateOutcomeInput } from "./schemas";

/**
 * Records a milestone for a person in the actor's view of the register, as the actor's
 * agency, and moves the person's status where the outcome says (statusAfterOutcome), in the
 * same transaction: the status changes through `setIndividualStatus`, from the version the
 * form was loaded with, so a record changed meanwhile refuses the whole (STALE_VERSION, with
 * the person's stale message) and no outcome is written. An outcome that leaves the status
 * does not touch the person's record, so it is recorded whatever their version. The access
 * log gets the outcome's row and, when the status moved, the person's.
 */
export async function createOutcome(ctx: ServiceContext, input: CreateOutcomeInput) {
  const { actor } = ctx;
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "apiErrors.agencyRequired");
  return inTransaction(ctx, async (tx) => {
    const [person] = await tx.db
      .select({ id: individual.id, status: individual.status, version: individual.version })
      .from(individual)
      .where(and(eq(individual.id, input.individualId), individualScope(actor)))
      .limit(1);
    if (!person) throw new AppError("NOT_FOUND", "apiErrors.individual.notFound");
    // The status first: a stale version refuses the whole before anything is written.
    const status = statusAfterOutcome(input.kind, person.status);
    const individualAfter = status
      ? await setIndividualStatus(tx, { id: person.id, version: input.version, status })
      : person;
    const [created] = await tx.db
      .insert(outcome)
      .values({
        individualId: person.id,
        kind: input.kind,
        occurredAt: input.occurredAt,
        note: input.note,
        recordingAgencyId: agencyId,
        createdById: actor.userId,
        updatedById: actor.userId,
      })
      .returning({ id: outcome.id });
    if (!created) throw new Error("the outcome was not written");
    await recordAccess(tx, {
      action: "create",
      entityType: "outcome",
      entityId: created.id,
      fields: ["kind", "occurredAt", "note"],
      detail: { individualId: person.id, kind: input.kind },
    });
    return { id: created.id, individual: individualAfter };
  });
}
