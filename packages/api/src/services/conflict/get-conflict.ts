import { desc, eq, sql } from "@truce/db";
import { agency, conflict, conflictChange, incident, intervention, user } from "@truce/db/schema";
import { recordRead, type CaseContentContext } from "../../case-read";
import { AppError } from "../../errors";
import { interventionContentScope } from "../../policy";
import { inTransaction } from "../context";
import { partiesOf } from "./parties";
import type { GetConflictInput } from "./schemas";

/**
 * The most incidents and interventions a profile lists, the latest first; the total of each
 * comes with them. A conflict of many years has hundreds: the page shows the latest.
 */
export const CONFLICT_PROFILE_ROWS = 100;

/**
 * A conflict's profile: the record, its parties by side (its groups, and the people the actor
 * may see), its incidents, its interventions (that each took place, and the details only
 * where the actor may read them, as list-interventions.ts) and its history of status and risk,
 * newest first, with who changed it as which agency; and the read in the access log, in one
 * transaction. Six statements whatever the conflict holds (the record, then the parties,
 * incidents, interventions and history at once), and the log row.
 */
export async function getConflictProfile(ctx: CaseContentContext, input: GetConflictInput) {
  const { actor } = ctx;
  return inTransaction(ctx, async (tx) => {
    const [record] = await tx.db
      .select({
        id: conflict.id,
        title: conflict.title,
        status: conflict.status,
        riskLevel: conflict.riskLevel,
        startedOn: conflict.startedOn,
        resolvedOn: conflict.resolvedOn,
        description: conflict.description,
        version: conflict.version,
      })
      .from(conflict)
      .where(eq(conflict.id, input.id))
      .limit(1);
    if (!record) throw new AppError("NOT_FOUND", "apiErrors.conflict.notFound");
    const readable = interventionContentScope(actor);
    const [parties, incidents, interventions, history] = await Promise.all([
      partiesOf(tx, [record.id]),
      tx.db
        .select({
          id: incident.id,
          kind: incident.kind,
          occurredAt: incident.occurredAt,
          district: incident.district,
          dead: incident.dead,
          injured: incident.injured,
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(incident)
        .where(eq(incident.conflictId, record.id))
        .orderBy(desc(incident.occurredAt), desc(incident.id))
        .limit(CONFLICT_PROFILE_ROWS),
      tx.db
        .select({
          id: intervention.id,
          kind: intervention.kind,
          enforcementKind: intervention.enforcementKind,
          status: intervention.status,
          occurredAt: intervention.occurredAt,
          leadAgencyName: agency.name,
          visibility: intervention.visibility,
          detailsVisible: sql<boolean>`${readable}`,
          summary: sql<string | null>`case when ${readable} then ${intervention.summary} end`,
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(intervention)
        .innerJoin(agency, eq(agency.id, intervention.leadAgencyId))
        .where(eq(intervention.conflictId, record.id))
        .orderBy(desc(intervention.occurredAt), desc(intervention.id))
        .limit(CONFLICT_PROFILE_ROWS),
      tx.db
        .select({
          id: conflictChange.id,
          status: conflictChange.status,
          riskLevel: conflictChange.riskLevel,
          previousStatus: conflictChange.previousStatus,
          previousRiskLevel: conflictChange.previousRiskLevel,
          reason: conflictChange.reason,
          changedAt: conflictChange.changedAt,
          changedByName: user.name,
          changedByAgencyName: agency.name,
        })
        .from(conflictChange)
        .leftJoin(user, eq(user.id, conflictChange.changedById))
        .leftJoin(agency, eq(agency.id, conflictChange.changedByAgencyId))
        .where(eq(conflictChange.conflictId, record.id))
        .orderBy(desc(conflictChange.changedAt), desc(conflictChange.id)),
    ]);
    await recordRead(tx, {
      entityType: "conflict",
      entityId: record.id,
      detail: {
        view: "profile",
        individualIds: parties.filter((p) => p.kind === "individual").map((p) => p.id),
        interventionIds: interventions.map((i) => i.id),
      },
    });
    return {
      ...record,
      parties: parties.map(({ conflictId: _, ...party }) => party),
      incidents: incidents.map(({ total: _, ...row }) => row),
      incidentsTotal: incidents[0]?.total ?? 0,
      interventions: interventions.map(({ total: _, ...row }) => row),
      interventionsTotal: interventions[0]?.total ?? 0,
      history,
    };
  });
}
