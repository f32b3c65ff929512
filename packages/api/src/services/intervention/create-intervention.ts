import { and, inArray } from "@truce/db";
import {
  agency,
  conflict,
  group,
  incident,
  individual,
  intervention,
  interventionAgency,
  interventionParticipant,
  interventionSpeaker,
} from "@truce/db/schema";
import { AppError } from "../../errors";
import type { ApiErrorKey } from "../../messages";
import { individualScope } from "../../policy";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type InTransaction, type ServiceContext } from "../context";
import { defaultInterventionVisibility, type CreateInterventionInput } from "./schemas";

/**
 * Records an intervention as the actor's agency (the lead agency): a call-in with the people
 * invited and their responses, the agencies present and the speakers, in one transaction,
 * all of it or nothing. Every person must be in the actor's view of the register, and every
 * agency, group, conflict and incident named must exist; a person or an agency named twice
 * is one. The fields of another kind than the one recorded are dropped (see the schema).
 */
export async function createIntervention(ctx: ServiceContext, input: CreateInterventionInput) {
  const { actor } = ctx;
  const membership = actor.membership;
  if (!membership) throw new AppError("FORBIDDEN", "apiErrors.agencyRequired");
  const { kind } = input;
  const isCallIn = kind === "call_in";
  const isConversation = kind === "custom_notification";
  // A person named twice is one participant, with the last response given.
  const participants = [...new Map(input.participants.map((p) => [p.individualId, p])).values()];
  const speakers = isCallIn ? input.speakers : [];
  // The lead agency was at its own call-in.
  const agencyIds = isCallIn ? [...new Set([membership.agencyId, ...input.agencyIds])] : [];
  return inTransaction(ctx, async (tx) => {
    const { db } = tx;
    await checkPeopleVisible(
      tx,
      participants.map((p) => p.individualId),
    );
    await checkAllExist(
      tx,
      agency,
      [...agencyIds, ...speakers.flatMap((s) => (s.agencyId ? [s.agencyId] : []))],
      "apiErrors.intervention.agencyNotFound",
    );
    await checkAllExist(tx, group, input.groupId, "apiErrors.intervention.groupNotFound");
    await checkAllExist(tx, conflict, input.conflictId, "apiErrors.intervention.conflictNotFound");
    const triggeringIncidentId = kind === "enforcement" ? input.triggeringIncidentId : null;
    await checkAllExist(
      tx,
      incident,
      triggeringIncidentId,
      "apiErrors.intervention.incidentNotFound",
    );
    const audit = { createdById: actor.userId, updatedById: actor.userId };
    const [created] = await db
      .insert(intervention)
      .values({
        kind,
        enforcementKind: kind === "enforcement" ? input.enforcementKind : null,
        leadAgencyId: membership.agencyId,
        occurredAt: input.occurredAt,
        status: input.status,
        summary: input.summary || null,
        result: input.result || null,
        message: (isCallIn || isConversation) && input.message ? input.message : null,
        visibility: input.visibility ?? defaultInterventionVisibility(membership.agencyKind),
        groupId: input.groupId,
        conflictId: input.conflictId,
        triggeringIncidentId,
        channel: isConversation ? input.channel : null,
        deliveryResult: isConversation ? input.deliveryResult : null,
        ...audit,
      })
      .returning({ id: intervention.id, version: intervention.version });
    if (!created) throw new Error("the intervention was not written");
    const interventionId = created.id;
    await Promise.all([
      participants.length > 0
        ? db.insert(interventionParticipant).values(
            participants.map((p) => ({
              interventionId,
              individualId: p.individualId,
              response: p.response,
              ...audit,
            })),
          )
        : null,
      agencyIds.length > 0
        ? db
            .insert(interventionAgency)
            .values(agencyIds.map((agencyId) => ({ interventionId, agencyId, ...audit })))
        : null,
      speakers.length > 0
        ? db.insert(interventionSpeaker).values(
            speakers.map((s) => ({
              interventionId,
              name: s.name,
              role: s.role,
              agencyId: s.agencyId,
              ...audit,
            })),
          )
        : null,
    ]);
    await recordAccess(tx, {
      action: "create",
      entityType: "intervention",
      entityId: interventionId,
      fields: [
        "kind",
        "enforcementKind",
        "status",
        "occurredAt",
        "summary",
        "result",
        "message",
        "visibility",
        "groupId",
        "conflictId",
        "triggeringIncidentId",
        "channel",
        "deliveryResult",
        "participants",
        "agencies",
        "speakers",
      ],
      detail: { individualIds: participants.map((p) => p.individualId) },
    });
    return created;
  });
}

/** Every person named is in the actor's view of the register, or the whole write is refused. */
export async function checkPeopleVisible(tx: InTransaction, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const visible = await tx.db
    .select({ id: individual.id })
    .from(individual)
    .where(and(inArray(individual.id, ids), individualScope(tx.actor)));
  if (visible.length !== new Set(ids).size) {
    throw new AppError("NOT_FOUND", "apiErrors.individual.notFound");
  }
}

/** Every id (or the one id) names a row of the table, or the write is refused with `key`. */
async function checkAllExist(
  tx: InTransaction,
  table: typeof agency | typeof group | typeof conflict | typeof incident,
  ids: string[] | string | null,
  key: ApiErrorKey,
): Promise<void> {
  const wanted = [...new Set(ids === null ? [] : typeof ids === "string" ? [ids] : ids)];
  if (wanted.length === 0) return;
  const found = await tx.db.select({ id: table.id }).from(table).where(inArray(table.id, wanted));
  if (found.length !== wanted.length) throw new AppError("NOT_FOUND", key);
}
