import { alias, and, asc, desc, eq, or, sql } from "@truce/db";
import {
  alliance,
  conflict,
  conflictParty,
  group,
  groupMembership,
  incident,
  incidentParty,
  individual,
} from "@truce/db/schema";
import { recordRead, type CaseContentContext } from "../../case-read";
import { AppError } from "../../errors";
import { individualScope } from "../../policy";
import { inTransaction } from "../context";
import { currentMembership } from "../individual/get-connections";
import type { GetGroupInput } from "./schemas";

type IncidentPartyRole = (typeof incidentParty.role.enumValues)[number];

/** The latest incidents a group's profile lists; `incidentsTotal` says how many there are. */
export const GROUP_PROFILE_INCIDENTS = 100;

/** Under 18 by the date of birth; no date known is not a minor (as in the register). */
const isMinor = sql<boolean>`coalesce(${individual.dateOfBirth} > current_date - interval '18 years', false)`;

/**
 * A group's profile: its record, its members now and before (only the people in the actor's
 * view of the register: another agency's pending registration is not shown, nor counted), the
 * conflicts it is a party to, its alliances and the latest incidents it is a party to (with
 * their count); and the read in the access log, in one transaction. Five statements (the
 * group, then its four lists at once) and the log's row, whatever the counts.
 */
export async function getGroupProfile(ctx: CaseContentContext, input: GetGroupInput) {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({
        id: group.id,
        name: group.name,
        aliases: group.aliases,
        area: group.area,
        status: group.status,
        description: group.description,
        version: group.version,
      })
      .from(group)
      .where(eq(group.id, input.id))
      .limit(1);
    if (!row) throw new AppError("NOT_FOUND", "apiErrors.group.notFound");
    const current = currentMembership();
    const other = alias(group, "other_group");
    const otherId = sql<string>`case when ${alliance.groupAId} = ${row.id} then ${alliance.groupBId} else ${alliance.groupAId} end`;

    const [memberships, conflicts, alliances, incidents] = await Promise.all([
      tx.db
        .select({
          id: groupMembership.id,
          individualId: individual.id,
          givenName: individual.givenName,
          familyName: individual.familyName,
          isMinor,
          affiliation: groupMembership.affiliation,
          fromOn: groupMembership.fromOn,
          toOn: groupMembership.toOn,
          source: groupMembership.source,
          current: sql<boolean>`${current}`,
          version: groupMembership.version,
        })
        .from(groupMembership)
        .innerJoin(individual, eq(individual.id, groupMembership.individualId))
        .where(and(eq(groupMembership.groupId, row.id), individualScope(tx.actor)))
        // Current members first, then the latest to join; by name within a day.
        .orderBy(
          desc(current),
          sql`${groupMembership.fromOn} desc nulls last`,
          asc(individual.familyName),
          asc(individual.givenName),
          asc(groupMembership.id),
        ),
      tx.db
        .select({
          conflictId: conflict.id,
          title: conflict.title,
          status: conflict.status,
          riskLevel: conflict.riskLevel,
          side: conflictParty.side,
        })
        .from(conflictParty)
        .innerJoin(conflict, eq(conflict.id, conflictParty.conflictId))
        .where(eq(conflictParty.groupId, row.id))
        // Open conflicts first, the most dangerous first.
        .orderBy(
          asc(eq(conflict.status, "resolved")),
          desc(conflict.riskLevel),
          asc(conflict.title),
          asc(conflict.id),
        ),
      tx.db
        .select({
          id: alliance.id,
          groupId: other.id,
          name: other.name,
          status: other.status,
          fromOn: alliance.fromOn,
          toOn: alliance.toOn,
        })
        .from(alliance)
        .innerJoin(other, eq(other.id, otherId))
        .where(or(eq(alliance.groupAId, row.id), eq(alliance.groupBId, row.id)))
        // Alliances in force first, then the latest.
        .orderBy(
          sql`${alliance.toOn} is not null`,
          sql`${alliance.fromOn} desc nulls last`,
          asc(other.name),
          asc(alliance.id),
        ),
      // Once each, with every role the group had in it.
      tx.db
        .select({
          id: incident.id,
          kind: incident.kind,
          occurredAt: incident.occurredAt,
          district: incident.district,
          dead: incident.dead,
          injured: incident.injured,
          roles: sql<IncidentPartyRole[]>`json_agg(distinct ${incidentParty.role})`,
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(incidentParty)
        .innerJoin(incident, eq(incident.id, incidentParty.incidentId))
        .where(eq(incidentParty.groupId, row.id))
        .groupBy(incident.id)
        // The latest, as many as a page holds, and how many there are (as a conflict's).
        .orderBy(desc(incident.occurredAt), desc(incident.id))
        .limit(GROUP_PROFILE_INCIDENTS),
    ]);

    await recordRead(tx, {
      entityType: "group",
      entityId: row.id,
      detail: {
        view: "profile",
        individualIds: [...new Set(memberships.map((m) => m.individualId))],
        conflictIds: conflicts.map((c) => c.conflictId),
        incidentIds: incidents.map((i) => i.id),
      },
    });
    return {
      ...row,
      memberships,
      conflicts,
      alliances,
      incidents: incidents.map(({ total: _, ...incident }) => incident),
      incidentsTotal: incidents[0]?.total ?? 0,
    };
  });
}
