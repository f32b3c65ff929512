import { and, desc, eq, exists, sql } from "@truce/db";
import { agency, individual, intervention, interventionParticipant } from "@truce/db/schema";
import { recordRead, type CaseContentContext } from "../../case-read";
import { individualScope, interventionContentScope } from "../../policy";
import { inTransaction } from "../context";
import { findVisibleIndividual } from "../individual/find-visible-individual";
import type { ListInterventionsForIndividualInput } from "./schemas";

/**
 * The interventions a person took part in, and the read in the access log, in one
 * transaction. Everyone in the programme sees that each took place (kind, date, lead
 * agency); the details come back only where the actor may read them, decided in the query
 * (the other rows carry nulls, never the text). A person the actor cannot see is refused as
 * not found, as their profile is.
 */
export async function listInterventionsForIndividual(
  ctx: CaseContentContext,
  input: ListInterventionsForIndividualInput,
) {
  const { actor } = ctx;
  const readable = interventionContentScope(actor);
  return inTransaction(ctx, async (tx) => {
    const subject = await findVisibleIndividual(tx, input.individualId);
    const rows = await tx.db
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
            tx.db
              .select({ one: sql`1` })
              .from(interventionParticipant)
              .innerJoin(individual, eq(individual.id, interventionParticipant.individualId))
              .where(
                and(
                  eq(interventionParticipant.interventionId, intervention.id),
                  eq(interventionParticipant.individualId, subject.id),
                  individualScope(actor),
                ),
              ),
          ),
        ),
      )
      .orderBy(desc(intervention.occurredAt), desc(intervention.id));
    await recordRead(tx, {
      entityType: "individual",
      entityId: subject.id,
      detail: { view: "interventions", interventionIds: rows.map((i) => i.id) },
    });
    return rows;
  });
}
