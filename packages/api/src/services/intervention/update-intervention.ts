import { and, eq, inArray, sql } from "@truce/db";
import { intervention, interventionParticipant, participantResponse } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import { checkPeopleVisible } from "./create-intervention";
import type { UpdateInterventionInput } from "./schemas";

/**
 * Changes an intervention from the version seen (STALE_VERSION when it changed meanwhile):
 * its status, time, texts and visibility, and the responses of its participants, together.
 * Only the lead agency changes what it recorded. A response for someone who is not among the
 * participants, or not in the actor's view of the register, refuses the whole change.
 * Returns the id and the new version: the intervention is read again through its logged read.
 */
export async function updateIntervention(ctx: ServiceContext, input: UpdateInterventionInput) {
  return inTransaction(ctx, async (tx) => {
    const { db, actor } = tx;
    const [found] = await db
      .select({ id: intervention.id, kind: intervention.kind, lead: intervention.leadAgencyId })
      .from(intervention)
      .where(eq(intervention.id, input.id));
    if (!found) throw new AppError("NOT_FOUND", "apiErrors.intervention.notFound");
    if (found.lead !== actor.membership?.agencyId) {
      throw new AppError("FORBIDDEN", "apiErrors.intervention.notLeadAgency");
    }
    const responses = [...new Map(input.responses.map((r) => [r.individualId, r])).values()];
    const ids = responses.map((r) => r.individualId);
    await checkPeopleVisible(tx, ids);
    const keepsMessage = found.kind === "call_in" || found.kind === "custom_notification";
    const updated = await updateVersioned(tx, intervention, {
      id: found.id,
      version: input.version,
      set: {
        status: input.status,
        occurredAt: input.occurredAt,
        summary: input.summary || null,
        result: input.result || null,
        message: keepsMessage && input.message ? input.message : null,
        visibility: input.visibility,
      },
      returning: { id: intervention.id, version: intervention.version },
      staleKey: "apiErrors.intervention.stale",
    });
    if (responses.length > 0) {
      // Every response in one statement, whatever the number of participants.
      const response = sql.join(
        responses.map(
          (r) =>
            sql`when ${r.individualId}::uuid then ${r.response}::${sql.identifier(participantResponse.enumName)}`,
        ),
        sql` `,
      );
      const changed = await db
        .update(interventionParticipant)
        .set({
          response: sql`case ${interventionParticipant.individualId} ${response} end`,
          version: sql`${interventionParticipant.version} + 1`,
          updatedById: actor.userId,
        })
        .where(
          and(
            eq(interventionParticipant.interventionId, found.id),
            inArray(interventionParticipant.individualId, ids),
          ),
        )
        .returning({ id: interventionParticipant.id });
      if (changed.length !== ids.length) {
        throw new AppError("NOT_FOUND", "apiErrors.intervention.participantNotFound");
      }
    }
    await recordAccess(tx, {
      action: "update",
      entityType: "intervention",
      entityId: updated.id,
      fields: [
        "status",
        "occurredAt",
        "summary",
        "result",
        "message",
        "visibility",
        ...(responses.length > 0 ? ["responses"] : []),
      ],
      detail: { individualIds: ids },
    });
    return updated;
  });
}
