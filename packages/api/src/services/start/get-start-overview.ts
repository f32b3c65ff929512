import { and, asc, desc, eq, max, sql } from "@truce/db";
import { accessLog, conflict, incident, individual } from "@truce/db/schema";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";

/**
 * How much the start page shows of each part (the full lists are a link away), and how far
 * back into the user's own access-log rows "recently touched" looks. Not inputs: the page
 * always asks for the same, so these are not field limits.
 */
export const START_OVERVIEW_LIMITS = {
  incidents: 5,
  conflicts: 5,
  people: 8,
  /** The user's latest rows about a person: the people come from these, each once. */
  logRows: 200,
} as const;

/** A person the user read or changed lately, as the register shows them. */
export interface TouchedPerson {
  id: string;
  givenName: string;
  familyName: string;
  status: (typeof individual.status.enumValues)[number];
  riskLevel: (typeof individual.riskLevel.enumValues)[number];
  isMinor: boolean;
  /** When the user last read or changed their record. */
  touchedAt: Date;
}

const isMinor = sql<boolean>`coalesce(${individual.dateOfBirth} > current_date - interval '18 years', false)`;

/**
 * What a signed-in user's start page shows: the latest incidents, the escalating conflicts
 * (the most dangerous first), and the people whose profile, timeline or record this user
 * read or changed lately. Three statements, whatever the data holds, run side by side.
 *
 * The people come from the access log's rows of this user (the app's role may select the
 * log, docs/database-roles.md), the latest `logRows` about a person walked on
 * access_log_user_id_idx, and the register's core of each (name, status, risk) through
 * `individualScope`, so a person the user may no longer see (another agency's registration
 * after a switch of agency) is left out. This reads the user's own log and names no content
 * beyond what the register's list shows, so it is no case read and writes no log row, as the
 * register's list does not. Incidents and conflicts are the programme's shared core.
 */
export async function getStartOverview({ db, actor }: ServiceContext) {
  const recent = db
    .select({ entityId: accessLog.entityId, at: accessLog.at })
    .from(accessLog)
    .where(and(eq(accessLog.userId, actor.userId), eq(accessLog.entityType, "individual")))
    .orderBy(desc(accessLog.at))
    .limit(START_OVERVIEW_LIMITS.logRows)
    .as("recent");
  const touched = db
    .select({ entityId: recent.entityId, touchedAt: max(recent.at).as("touched_at") })
    .from(recent)
    .groupBy(recent.entityId)
    .as("touched");

  const [incidents, conflicts, people] = await Promise.all([
    db
      .select({
        id: incident.id,
        kind: incident.kind,
        occurredAt: incident.occurredAt,
        district: incident.district,
        dead: incident.dead,
        injured: incident.injured,
        conflictTitle: conflict.title,
      })
      .from(incident)
      .leftJoin(conflict, eq(conflict.id, incident.conflictId))
      .orderBy(desc(incident.occurredAt), desc(incident.id))
      .limit(START_OVERVIEW_LIMITS.incidents),
    db
      .select({
        id: conflict.id,
        title: conflict.title,
        riskLevel: conflict.riskLevel,
        startedOn: conflict.startedOn,
      })
      .from(conflict)
      .where(eq(conflict.status, "escalating"))
      // The conflict list's order (conflict_risk_order_idx): the most dangerous first.
      .orderBy(
        sql`${conflict.riskLevel} desc nulls last`,
        sql`${conflict.startedOn} desc nulls last`,
        asc(conflict.id),
      )
      .limit(START_OVERVIEW_LIMITS.conflicts),
    db
      .select({
        id: individual.id,
        givenName: individual.givenName,
        familyName: individual.familyName,
        status: individual.status,
        riskLevel: individual.riskLevel,
        isMinor,
        // max() of a subquery's column comes back as text: typed here.
        touchedAt: sql<Date>`${touched.touchedAt}`.mapWith(accessLog.at),
      })
      .from(touched)
      // Every row about a person names them by their uuid: the join uses the primary key.
      .innerJoin(individual, eq(individual.id, sql`${touched.entityId}::uuid`))
      .where(individualScope(actor))
      .orderBy(desc(touched.touchedAt), asc(individual.id))
      .limit(START_OVERVIEW_LIMITS.people),
  ]);
  return { incidents, conflicts, people: people satisfies TouchedPerson[] };
}
