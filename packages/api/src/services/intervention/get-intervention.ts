import { and, asc, eq, exists, sql, subquery } from "@truce/db";
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
import { recordRead, type CaseContentContext } from "../../case-read";
import { AppError } from "../../errors";
import { individualScope, interventionContentScope } from "../../policy";
import { inTransaction } from "../context";
import type { GetInterventionInput } from "./schemas";

/** Whether the actor may read the details, decided once for the row (see timeline-branches.ts). */
const readable = sql<boolean>`intervention_details.readable`;
const ifReadable = <T>(column: unknown) => sql<T | null>`case when ${readable} then ${column} end`;

/**
 * One intervention, as the actor may see it, with the read in the access log. Everyone in the
 * programme sees that it took place (kind, date, status, lead agency, group, conflict, the
 * agencies present); the details (summary, result, message, a conversation's channel and
 * delivery, the speakers) only where interventionContentScope lets them, decided in the
 * query as the person's list of interventions decides it; of its people, those in the actor's
 * view of the register (another agency's pending registration is left out, not even counted).
 * Four statements whatever the number of participants.
 */
export async function getIntervention(ctx: CaseContentContext, input: GetInterventionInput) {
  return inTransaction(ctx, async (tx) => {
    const { db, actor } = tx;
    const [[found], participants, agencies, speakers] = await Promise.all([
      db
        .select({
          id: intervention.id,
          kind: intervention.kind,
          enforcementKind: intervention.enforcementKind,
          status: intervention.status,
          occurredAt: intervention.occurredAt,
          visibility: intervention.visibility,
          leadAgencyId: intervention.leadAgencyId,
          leadAgencyName: agency.name,
          groupId: intervention.groupId,
          groupName: group.name,
          conflictId: intervention.conflictId,
          conflictTitle: conflict.title,
          triggeringIncidentId: intervention.triggeringIncidentId,
          triggeringIncidentKind: incident.kind,
          triggeringIncidentAt: incident.occurredAt,
          detailsVisible: readable,
          summary: ifReadable<string>(intervention.summary),
          result: ifReadable<string>(intervention.result),
          message: ifReadable<string>(intervention.message),
          channel: ifReadable<(typeof intervention.channel.enumValues)[number]>(
            intervention.channel,
          ),
          deliveryResult: ifReadable<(typeof intervention.deliveryResult.enumValues)[number]>(
            intervention.deliveryResult,
          ),
          version: intervention.version,
        })
        .from(intervention)
        .innerJoin(agency, eq(agency.id, intervention.leadAgencyId))
        .leftJoin(group, eq(group.id, intervention.groupId))
        .leftJoin(conflict, eq(conflict.id, intervention.conflictId))
        .leftJoin(incident, eq(incident.id, intervention.triggeringIncidentId))
        .crossJoinLateral(
          // `offset 0` keeps the planner from inlining the subquery into each field again.
          sql`(select ${interventionContentScope(actor)} as readable offset 0) as intervention_details`,
        )
        .where(eq(intervention.id, input.id))
        .limit(1),
      db
        .select({
          participantId: interventionParticipant.id,
          id: individual.id,
          givenName: individual.givenName,
          familyName: individual.familyName,
          response: interventionParticipant.response,
        })
        .from(interventionParticipant)
        .innerJoin(individual, eq(individual.id, interventionParticipant.individualId))
        .where(and(eq(interventionParticipant.interventionId, input.id), individualScope(actor)))
        .orderBy(asc(individual.familyName), asc(individual.givenName), asc(individual.id)),
      db
        .select({ id: agency.id, name: agency.name })
        .from(interventionAgency)
        .innerJoin(agency, eq(agency.id, interventionAgency.agencyId))
        .where(eq(interventionAgency.interventionId, input.id))
        .orderBy(asc(agency.name), asc(agency.id)),
      db
        .select({
          id: interventionSpeaker.id,
          name: interventionSpeaker.name,
          role: interventionSpeaker.role,
          agencyId: interventionSpeaker.agencyId,
          agencyName: agency.name,
        })
        .from(interventionSpeaker)
        .leftJoin(agency, eq(agency.id, interventionSpeaker.agencyId))
        .where(
          and(
            eq(interventionSpeaker.interventionId, input.id),
            exists(
              subquery
                .select({ id: intervention.id })
                .from(intervention)
                .where(
                  and(
                    eq(intervention.id, interventionSpeaker.interventionId),
                    interventionContentScope(actor),
                  ),
                ),
            ),
          ),
        )
        .orderBy(
          asc(interventionSpeaker.createdAt),
          asc(interventionSpeaker.name),
          asc(interventionSpeaker.id),
        ),
    ]);
    if (!found) throw new AppError("NOT_FOUND", "apiErrors.intervention.notFound");
    await recordRead(tx, {
      entityType: "intervention",
      entityId: found.id,
      detail: { individualIds: participants.map((p) => p.id) },
    });
    return {
      ...found,
      /** Only the lead agency changes what it recorded. */
      editable: found.leadAgencyId === actor.membership?.agencyId,
      participants,
      agencies,
      speakers,
    };
  });
}
