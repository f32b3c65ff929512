import type { Actor } from "@truce/auth/actor";
import { and, desc, eq, exists, sql, type DbOrTx } from "@truce/db";
import { agency, individual, intervention, interventionParticipant } from "@truce/db/schema";
import { individualScope, interventionContentScope } from "../../policy";

/**
 * The interventions a person took part in. Everyone in the programme sees that each took
 * place (kind, date, lead agency); the details come back only where the actor may read
 * them, decided in the query (the other rows carry nulls, never the text).
 */
export async function listInterventionsForIndividual(
  db: DbOrTx,
  actor: Actor,
  individualId: string,
) {
  const readable = interventionContentScope(actor);
  return db
    .select({
      id: intervention.id,
      kind: intervention.kind,
      enforcementKind: intervention.enforcementKind,
      occurredAt: intervention.occurredAt,
      status: intervention.status,
      leadAgencyName: agency.name,
      visibility: intervention.visibility,
      detailsVisible: sql<boolean>`${readable}`,
      summary: sql<string | null>`case when ${readable} then ${intervention.summary} end`,
      result: sql<string | null>`case when ${readable} then ${intervention.result} end`,
      message: sql<string | null>`case when ${readable} then ${intervention.message} end`,
    })
    .from(intervention)
    .innerJoin(agency, eq(agency.id, intervention.leadAgencyId))
    .where(
      and(
        exists(
          db
            .select({ one: sql`1` })
            .from(interventionParticipant)
            .innerJoin(individual, eq(individual.id, interventionParticipant.individualId))
            .where(
              and(
                eq(interventionParticipant.interventionId, intervention.id),
                eq(interventionParticipant.individualId, individualId),
                individualScope(actor),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(intervention.occurredAt), desc(intervention.id));
}
