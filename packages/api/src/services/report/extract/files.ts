import {
  and,
  asc,
  between,
  eq,
  exists,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  or,
  sql,
  subquery,
  type DbOrTx,
  type SQL,
  type SQLWrapper,
} from "@truce/db";
import {
  agency,
  conflict,
  group,
  groupMembership,
  incident,
  incidentParty,
  individual,
  intervention,
  interventionParticipant,
  outcome,
} from "@truce/db/schema";
import { PROGRAMME_TIME_ZONE, programmeDayStart } from "../../calendar";
import type { EvaluatorsExtractInput, ExtractFileName } from "../schemas";
import type { Pseudonyms } from "./pseudonyms";

/** Rows read from the database at a time: a page of one table by its id (a keyset page). */
export const EXTRACT_BATCH = 5000;

export type Cell = string | number | boolean | null;

/** What a file's rows need besides their own columns: the pseudonyms and each agency's kind. */
export interface RowContext {
  pseudonym: Pseudonyms;
  agencyKind: (agencyId: string | null) => string;
}

/**
 * One CSV file of the extract: its columns, how many rows it will hold, and its rows one page
 * at a time after the id that ended the last page (so no offset is ever counted through, and a
 * page costs the same at the end of two million rows as at the start).
 */
export interface ExtractFile {
  name: Exclude<ExtractFileName, "README.md">;
  header: readonly string[];
  count(db: DbOrTx, filters: EvaluatorsExtractInput): Promise<number>;
  page(
    db: DbOrTx,
    filters: EvaluatorsExtractInput,
    after: string | null,
    context: RowContext,
  ): Promise<{ rows: Cell[][]; last: string | null }>;
}

/** Builds a file from its own typed query, so each file's cells are checked against its columns. */
function file<Row extends { id: string }>(definition: {
  name: ExtractFile["name"];
  header: readonly string[];
  count: ExtractFile["count"];
  rows: (db: DbOrTx, filters: EvaluatorsExtractInput, after: SQL | undefined) => Promise<Row[]>;
  idColumn: SQLWrapper;
  cells: (row: Row, context: RowContext) => Cell[];
}): ExtractFile {
  return {
    name: definition.name,
    header: definition.header,
    count: definition.count,
    async page(db, filters, after, context) {
      const rows = await definition.rows(
        db,
        filters,
        after === null ? undefined : gt(definition.idColumn as never, after),
      );
      return {
        rows: rows.map((row) => definition.cells(row, context)),
        last: rows.length < EXTRACT_BATCH ? null : rows.at(-1)!.id,
      };
    },
  };
}

const zone = sql.raw(`'${PROGRAMME_TIME_ZONE}'`);

/** The programme's day of a moment, as text (the extract holds days, never times). */
const dayOf = (column: SQLWrapper) =>
  sql<string>`to_char(${column} at time zone ${zone}, 'YYYY-MM-DD')`;

/** People whose registration a manager approved: a pending one is in no file, nor are their rows. */
const approvedPeople = () =>
  subquery
    .select({ id: individual.id })
    .from(individual)
    .where(eq(individual.registrationStatus, "approved"));

/** A moment on a day of the period (the programme's calendar; either end may be open). */
function momentInPeriod(column: SQLWrapper, { from, to }: EvaluatorsExtractInput) {
  return and(
    from === undefined ? undefined : gte(column as never, programmeDayStart(from)),
    to === undefined ? undefined : lt(column as never, programmeDayStart(sql`(${to}::date + 1)`)),
  );
}

const interventionInPeriod = (filters: EvaluatorsExtractInput) =>
  momentInPeriod(intervention.occurredAt, filters);
const incidentInPeriod = (filters: EvaluatorsExtractInput) =>
  momentInPeriod(incident.occurredAt, filters);

const people = file({
  name: "people.csv",
  header: [
    "person",
    "birth_year",
    "minor_at_registration",
    "district",
    "status",
    "risk_level",
    "supervision",
    "category",
    "registering_agency_kind",
    "registered_month",
  ],
  count: (db) => db.$count(individual, eq(individual.registrationStatus, "approved")),
  rows: (db, _filters, after) =>
    db
      .select({
        id: individual.id,
        birthYear: sql<number | null>`extract(year from ${individual.dateOfBirth})::int`,
        minor: sql<
          boolean | null
        >`${individual.dateOfBirth} > (${individual.createdAt} at time zone ${zone})::date - interval '18 years'`,
        // A protected person's district could lead to where they now live: left blank.
        district: sql<
          string | null
        >`case when ${individual.protectedLocation} then null else ${individual.district} end`,
        status: individual.status,
        riskLevel: individual.riskLevel,
        supervision: individual.supervision,
        category: individual.category,
        agencyId: individual.registeringAgencyId,
        registeredMonth: sql<string>`to_char(${individual.createdAt} at time zone ${zone}, 'YYYY-MM')`,
      })
      .from(individual)
      .where(and(eq(individual.registrationStatus, "approved"), after))
      .orderBy(asc(individual.id))
      .limit(EXTRACT_BATCH),
  idColumn: individual.id,
  cells: (row, { pseudonym, agencyKind }) => [
    pseudonym("person", row.id),
    row.birthYear,
    row.minor,
    row.district,
    row.status,
    row.riskLevel,
    row.supervision,
    row.category,
    agencyKind(row.agencyId),
    row.registeredMonth,
  ],
});

const groups = file({
  name: "groups.csv",
  header: ["group", "status"],
  count: (db) => db.$count(group),
  rows: (db, _filters, after) =>
    db
      .select({ id: group.id, status: group.status })
      .from(group)
      .where(after)
      .orderBy(asc(group.id))
      .limit(EXTRACT_BATCH),
  idColumn: group.id,
  cells: (row, { pseudonym }) => [pseudonym("group", row.id), row.status],
});

const memberships = file({
  name: "group_memberships.csv",
  header: ["person", "group", "affiliation", "from", "to"],
  count: (db) =>
    db.$count(groupMembership, inArray(groupMembership.individualId, approvedPeople())),
  rows: (db, _filters, after) =>
    db
      .select({
        id: groupMembership.id,
        individualId: groupMembership.individualId,
        groupId: groupMembership.groupId,
        affiliation: groupMembership.affiliation,
        fromOn: groupMembership.fromOn,
        toOn: groupMembership.toOn,
      })
      .from(groupMembership)
      .where(and(inArray(groupMembership.individualId, approvedPeople()), after))
      .orderBy(asc(groupMembership.id))
      .limit(EXTRACT_BATCH),
  idColumn: groupMembership.id,
  cells: (row, { pseudonym }) => [
    pseudonym("person", row.individualId),
    pseudonym("group", row.groupId),
    row.affiliation,
    row.fromOn,
    row.toOn,
  ],
});

const conflicts = file({
  name: "conflicts.csv",
  header: ["conflict", "status", "risk_level", "started", "resolved"],
  count: (db) => db.$count(conflict),
  rows: (db, _filters, after) =>
    db
      .select({
        id: conflict.id,
        status: conflict.status,
        riskLevel: conflict.riskLevel,
        startedOn: conflict.startedOn,
        resolvedOn: conflict.resolvedOn,
      })
      .from(conflict)
      .where(after)
      .orderBy(asc(conflict.id))
      .limit(EXTRACT_BATCH),
  idColumn: conflict.id,
  cells: (row, { pseudonym }) => [
    pseudonym("conflict", row.id),
    row.status,
    row.riskLevel,
    row.startedOn,
    row.resolvedOn,
  ],
});

const interventions = file({
  name: "interventions.csv",
  header: [
    "intervention",
    "kind",
    "enforcement_kind",
    "lead_agency_kind",
    "occurred",
    "status",
    "channel",
    "delivery_result",
    "group",
    "conflict",
    "triggering_incident",
  ],
  count: (db, filters) => db.$count(intervention, interventionInPeriod(filters)),
  rows: (db, filters, after) =>
    db
      .select({
        id: intervention.id,
        kind: intervention.kind,
        enforcementKind: intervention.enforcementKind,
        agencyId: intervention.leadAgencyId,
        occurred: dayOf(intervention.occurredAt),
        status: intervention.status,
        channel: sharedDetail(intervention.channel),
        deliveryResult: sharedDetail(intervention.deliveryResult),
        groupId: intervention.groupId,
        conflictId: intervention.conflictId,
        incidentId: intervention.triggeringIncidentId,
      })
      .from(intervention)
      .where(and(interventionInPeriod(filters), after))
      .orderBy(asc(intervention.id))
      .limit(EXTRACT_BATCH),
  idColumn: intervention.id,
  cells: (row, { pseudonym, agencyKind }) => [
    pseudonym("intervention", row.id),
    row.kind,
    row.enforcementKind,
    agencyKind(row.agencyId),
    row.occurred,
    row.status,
    row.channel,
    row.deliveryResult,
    pseudonym("group", row.groupId),
    pseudonym("conflict", row.conflictId),
    pseudonym("incident", row.incidentId),
  ],
});

/** A participation of an approved person in an intervention of the period. */
const participationKept = (filters: EvaluatorsExtractInput) =>
  and(
    inArray(interventionParticipant.individualId, approvedPeople()),
    filters.from === undefined && filters.to === undefined
      ? undefined
      : inArray(
          interventionParticipant.interventionId,
          subquery
            .select({ id: intervention.id })
            .from(intervention)
            .where(interventionInPeriod(filters)),
        ),
  );

/**
 * A detail of an intervention only when it is shared with the programme: of one kept to its
 * own agency (`visibility` agency, as social services' support is without consent), other
 * agencies see only that it took place, its kind, day and agency (DOMAIN.md, "Visibility"),
 * so the extract, which a manager of any agency makes, holds no more than that.
 */
function sharedDetail<T extends SQLWrapper>(column: T) {
  return sql<string | null>`case when ${intervention.visibility} = 'programme' then ${column} end`;
}

const participants = file({
  name: "participants.csv",
  header: ["intervention", "person", "response"],
  count: (db, filters) => db.$count(interventionParticipant, participationKept(filters)),
  rows: (db, filters, after) =>
    db
      .select({
        id: interventionParticipant.id,
        interventionId: interventionParticipant.interventionId,
        individualId: interventionParticipant.individualId,
        response: sharedDetail(interventionParticipant.response),
      })
      .from(interventionParticipant)
      .innerJoin(intervention, eq(intervention.id, interventionParticipant.interventionId))
      .where(and(participationKept(filters), after))
      .orderBy(asc(interventionParticipant.id))
      .limit(EXTRACT_BATCH),
  idColumn: interventionParticipant.id,
  cells: (row, { pseudonym }) => [
    pseudonym("intervention", row.interventionId),
    pseudonym("person", row.individualId),
    row.response,
  ],
});

const outcomeKept = ({ from, to }: EvaluatorsExtractInput) =>
  and(
    inArray(outcome.individualId, approvedPeople()),
    from !== undefined && to !== undefined
      ? between(outcome.occurredAt, from, to)
      : from !== undefined
        ? gte(outcome.occurredAt, from)
        : to !== undefined
          ? sql`${outcome.occurredAt} <= ${to}`
          : undefined,
  );

const outcomes = file({
  name: "outcomes.csv",
  header: ["person", "kind", "occurred", "recording_agency_kind"],
  count: (db, filters) => db.$count(outcome, outcomeKept(filters)),
  rows: (db, filters, after) =>
    db
      .select({
        id: outcome.id,
        individualId: outcome.individualId,
        kind: outcome.kind,
        occurred: outcome.occurredAt,
        agencyId: outcome.recordingAgencyId,
      })
      .from(outcome)
      .where(and(outcomeKept(filters), after))
      .orderBy(asc(outcome.id))
      .limit(EXTRACT_BATCH),
  idColumn: outcome.id,
  cells: (row, { pseudonym, agencyKind }) => [
    pseudonym("person", row.individualId),
    row.kind,
    row.occurred,
    agencyKind(row.agencyId),
  ],
});

/** Whether a person with a protected location is a party to the incident (its place is left out). */
const protectedPartyIn = exists(
  subquery
    .select({ one: sql`1` })
    .from(incidentParty)
    .innerJoin(individual, eq(individual.id, incidentParty.individualId))
    .where(and(eq(incidentParty.incidentId, incident.id), eq(individual.protectedLocation, true))),
);

const incidents = file({
  name: "incidents.csv",
  header: [
    "incident",
    "kind",
    "occurred",
    "district",
    "dead",
    "injured",
    "conflict",
    "group_involvement",
  ],
  count: (db, filters) => db.$count(incident, incidentInPeriod(filters)),
  rows: (db, filters, after) =>
    db
      .select({
        id: incident.id,
        kind: incident.kind,
        occurred: dayOf(incident.occurredAt),
        district: sql<
          string | null
        >`case when ${protectedPartyIn} then null else ${incident.district} end`,
        dead: incident.dead,
        injured: incident.injured,
        conflictId: incident.conflictId,
        groupInvolvement: incident.groupInvolvement,
      })
      .from(incident)
      .where(and(incidentInPeriod(filters), after))
      .orderBy(asc(incident.id))
      .limit(EXTRACT_BATCH),
  idColumn: incident.id,
  cells: (row, { pseudonym }) => [
    pseudonym("incident", row.id),
    row.kind,
    row.occurred,
    row.district,
    row.dead,
    row.injured,
    pseudonym("conflict", row.conflictId),
    row.groupInvolvement,
  ],
});

/** A party of an incident of the period: a group, or an approved person. */
const partyKept = (filters: EvaluatorsExtractInput) =>
  and(
    or(isNull(incidentParty.individualId), inArray(incidentParty.individualId, approvedPeople())),
    filters.from === undefined && filters.to === undefined
      ? undefined
      : inArray(
          incidentParty.incidentId,
          subquery.select({ id: incident.id }).from(incident).where(incidentInPeriod(filters)),
        ),
  );

const incidentParties = file({
  name: "incident_parties.csv",
  header: ["incident", "person", "group", "role"],
  count: (db, filters) => db.$count(incidentParty, partyKept(filters)),
  rows: (db, filters, after) =>
    db
      .select({
        id: incidentParty.id,
        incidentId: incidentParty.incidentId,
        individualId: incidentParty.individualId,
        groupId: incidentParty.groupId,
        role: incidentParty.role,
      })
      .from(incidentParty)
      .where(and(partyKept(filters), after))
      .orderBy(asc(incidentParty.id))
      .limit(EXTRACT_BATCH),
  idColumn: incidentParty.id,
  cells: (row, { pseudonym }) => [
    pseudonym("incident", row.incidentId),
    pseudonym("person", row.individualId),
    pseudonym("group", row.groupId),
    row.role,
  ],
});

/** The CSV files, in the archive's order (EXTRACT_FILES without the README, which comes last). */
export const EXTRACT_TABLES: readonly ExtractFile[] = [
  people,
  groups,
  memberships,
  conflicts,
  interventions,
  participants,
  outcomes,
  incidents,
  incidentParties,
];

/** Each agency's kind by its id: the extract names an agency by its kind alone. */
export async function agencyKinds(db: DbOrTx): Promise<RowContext["agencyKind"]> {
  const rows = await db.select({ id: agency.id, kind: agency.kind }).from(agency);
  const kinds = new Map(rows.map((row) => [row.id, row.kind]));
  return (id) => (id === null ? "" : (kinds.get(id) ?? ""));
}
