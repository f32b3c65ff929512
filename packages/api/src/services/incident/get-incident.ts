import { and, asc, eq, exists, isNotNull, subquery } from "@truce/db";
import { conflict, group, incident, incidentParty, individual } from "@truce/db/schema";
import { recordRead, type CaseContentContext } from "../../case-read";
import { AppError } from "../../errors";
import { individualScope } from "../../policy";
import { inTransaction } from "../context";
import type { GetIncidentInput } from "./schemas";

/**
 * One incident with its parties, as the actor may see them: the groups, and the people in
 * the actor's view of the register (another agency's pending registration is left out, not
 * even counted). The read is logged with the session's purpose, in the same transaction.
 */
export async function getIncident(ctx: CaseContentContext, input: GetIncidentInput) {
  return inTransaction(ctx, async (tx) => {
    const { db, actor } = tx;
    const [found] = await db
      .select({
        id: incident.id,
        kind: incident.kind,
        occurredAt: incident.occurredAt,
        district: incident.district,
        dead: incident.dead,
        injured: incident.injured,
        groupInvolvement: incident.groupInvolvement,
        summary: incident.summary,
        conflictId: incident.conflictId,
        conflictTitle: conflict.title,
        version: incident.version,
      })
      .from(incident)
      .leftJoin(conflict, eq(conflict.id, incident.conflictId))
      .where(eq(incident.id, input.id))
      .limit(1);
    if (!found) throw new AppError("NOT_FOUND", "apiErrors.incident.notFound");
    const [groups, people] = await Promise.all([
      db
        .select({
          partyId: incidentParty.id,
          role: incidentParty.role,
          id: group.id,
          name: group.name,
        })
        .from(incidentParty)
        .innerJoin(group, eq(group.id, incidentParty.groupId))
        .where(and(eq(incidentParty.incidentId, found.id), isNotNull(incidentParty.groupId)))
        .orderBy(asc(group.name), asc(incidentParty.id)),
      db
        .select({
          partyId: incidentParty.id,
          role: incidentParty.role,
          id: individual.id,
          givenName: individual.givenName,
          familyName: individual.familyName,
        })
        .from(incidentParty)
        .innerJoin(individual, eq(individual.id, incidentParty.individualId))
        .where(
          and(
            eq(incidentParty.incidentId, found.id),
            exists(
              subquery
                .select({ id: individual.id })
                .from(individual)
                .where(and(eq(individual.id, incidentParty.individualId), individualScope(actor))),
            ),
          ),
        )
        .orderBy(asc(individual.familyName), asc(individual.givenName), asc(incidentParty.id)),
    ]);
    await recordRead(tx, {
      entityType: "incident",
      entityId: found.id,
      detail: { individualIds: people.map((p) => p.id) },
    });
    return { ...found, groups, people };
  });
}
