import { individual } from "@truce/db/schema";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import { refuseTakenNationalId } from "./create-individual";
import { findVisibleIndividual } from "./find-visible-individual";
import {
  PERSON_FIELDS,
  type SetIndividualStatusInput,
  type UpdateIndividualInput,
} from "./schemas";

/**
 * Changes a person's record from the version the form was loaded with: a record changed
 * meanwhile is refused (STALE_VERSION), never overwritten. The person must be in the actor's
 * view of the register. Returns the id and the new version (the record itself is case
 * content, read again through the profile, whose read is logged).
 */
export async function updateIndividual(ctx: ServiceContext, input: UpdateIndividualInput) {
  return inTransaction(ctx, async (tx) => {
    const subject = await findVisibleIndividual(tx, input.id);
    await refuseTakenNationalId(tx, input.nationalId, subject.id);
    const { id, version, ...fields } = input;
    const updated = await updateVersioned(tx, individual, {
      id,
      version,
      set: fields,
      returning: { id: individual.id, version: individual.version },
      staleKey: "apiErrors.individual.stale",
    });
    await recordAccess(tx, {
      action: "update",
      entityType: "individual",
      entityId: updated.id,
      fields: [...PERSON_FIELDS],
    });
    return updated;
  });
}

/**
 * Changes a person's status (in the exit process, relocated, ...) from the version seen; the
 * access log names the change from and to.
 */
export async function setIndividualStatus(ctx: ServiceContext, input: SetIndividualStatusInput) {
  return inTransaction(ctx, async (tx) => {
    const subject = await findVisibleIndividual(tx, input.id);
    const updated = await updateVersioned(tx, individual, {
      id: subject.id,
      version: input.version,
      set: { status: input.status },
      returning: { id: individual.id, status: individual.status, version: individual.version },
      staleKey: "apiErrors.individual.stale",
    });
    await recordAccess(tx, {
      action: "update",
      entityType: "individual",
      entityId: updated.id,
      fields: ["status"],
      detail: { status: updated.status },
    });
    return updated;
  });
}
