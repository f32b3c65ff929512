import { and, desc, eq, gte, lt, sql } from "@truce/db";
import { conflict, incident } from "@truce/db/schema";
import { programmeDayStart } from "../calendar";
import type { ServiceContext } from "../context";
import { cappedCount } from "../count";
import { offsetOf, type Page } from "../pagination";
import type { ListIncidentsInput } from "./schemas";

/** A day of the period filter is a day on the programme's calendar. */
const dayStart = programmeDayStart;

export interface IncidentListItem {
  id: string;
  kind: (typeof incident.kind.enumValues)[number];
  occurredAt: Date;
  district: string;
  dead: number;
  injured: number;
  groupInvolvement: (typeof incident.groupInvolvement.enumValues)[number];
  conflictId: string | null;
  conflictTitle: string | null;
}

/**
 * A page of the incidents, newest first, filtered by kind, period, district and conflict.
 * Incidents are the register's shared core, so every case agency sees each of them; the
 * list names no person (the parties are on the incident's own page, whose read is logged)
 * and carries no summary. Each filter is an indexed column (incident_kind_occurred_at_idx,
 * incident_occurred_at_idx, incident_district_kind_occurred_at_idx, incident_conflict_id_idx).
 */
export async function listIncidents(
  { db }: ServiceContext,
  input: ListIncidentsInput,
): Promise<Page<IncidentListItem>> {
  const where = and(
    input.kind ? eq(incident.kind, input.kind) : undefined,
    input.from ? gte(incident.occurredAt, dayStart(input.from)) : undefined,
    input.to ? lt(incident.occurredAt, sql`${dayStart(input.to)} + interval '1 day'`) : undefined,
    input.district ? eq(incident.district, input.district) : undefined,
    input.conflictId ? eq(incident.conflictId, input.conflictId) : undefined,
  );
  const [items, count] = await Promise.all([
    db
      .select({
        id: incident.id,
        kind: incident.kind,
        occurredAt: incident.occurredAt,
        district: incident.district,
        dead: incident.dead,
        injured: incident.injured,
        groupInvolvement: incident.groupInvolvement,
        conflictId: incident.conflictId,
        conflictTitle: conflict.title,
      })
      .from(incident)
      .leftJoin(conflict, eq(conflict.id, incident.conflictId))
      .where(where)
      .orderBy(desc(incident.occurredAt), desc(incident.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    cappedCount(db, incident, where),
  ]);
  return { items, ...count, page: input.page, pageSize: input.pageSize };
}
