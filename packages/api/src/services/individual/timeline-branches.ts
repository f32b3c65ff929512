import type { Actor } from "@truce/auth/actor";
import {
  alias,
  and,
  desc,
  eq,
  lt,
  lte,
  sql,
  type DbOrTx,
  type PgColumn,
  type SQL,
  type SQLWrapper,
} from "@truce/db";
import {
  agency,
  incident,
  incidentParty,
  intervention,
  interventionParticipant,
  note,
  outcome,
  referral,
  referralEvent,
  user,
} from "@truce/db/schema";
import { programmeDayStart } from "../calendar";
import { interventionContentScope, noteReadableScope, referralNoteVisible } from "../../policy";
import type { TIMELINE_KINDS, TimelineCursor } from "./schemas";

/**
 * The sources of a person's timeline, one branch each of its one statement
 * (get-timeline.ts). Every branch projects the same four columns: the item's `kind`, its `id`,
 * the moment `at` it sorts by, and its own fields as one json object, decided in the query as
 * the actor may see them. So a later source (as the referral steps were) is one more
 * branch here, its kind in TIMELINE_KINDS and its branch in get-timeline.ts's BRANCHES.
 */

export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What a branch's fields may be: columns and typed SQL of its tables. */
type Fields = Record<string, PgColumn | SQL<unknown>>;
type FieldData<F> = F extends PgColumn
  ? F["_"]["notNull"] extends true
    ? F["_"]["data"]
    : F["_"]["data"] | null
  : F extends SQL<infer D>
    ? D
    : never;
type IncidentPartyRole = (typeof incidentParty.role.enumValues)[number];
/** A value as json_build_object carries it: a timestamp as its ISO text, the rest as is. */
type AsJson<T> = T extends Date ? string : T;
type JsonOf<F extends Fields> = { [K in keyof F]: AsJson<FieldData<F[K]>> };

function jsonObject(fields: Fields): SQL {
  const pairs = Object.entries(fields).map(([key, value]) => {
    // The keys are this file's own names; checked, since they are written into the SQL.
    if (!/^[a-zA-Z]+$/.test(key)) throw new Error(`not a field name: ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/** What every branch is given: who asks, about whom, how many rows, from where. */
export interface BranchInput {
  db: DbOrTx;
  actor: Actor;
  subjectId: string;
  /** The most rows a page can take from one branch: the page's size, and one to spare. */
  limit: number;
  cursor: TimelineCursor | null | undefined;
}

/** A branch: its query, and how an item of it is read back from its json fields. */
export interface TimelineBranch<K extends TimelineKind, Item> {
  kind: K;
  select(input: BranchInput): SQLWrapper;
  decode(id: string, fields: unknown): Item;
}

/** The four columns every branch projects, for a source whose items are `at` and `id`. */
interface Columns {
  /** The selection of the branch's query. */
  select: Record<string, SQL.Aliased>;
  /** The keyset condition: the items after the cursor in the timeline's order. */
  after: SQL | undefined;
  /**
   * The timeline's order within the branch (whose kind is the same throughout), so that its
   * LIMIT keeps every row the page can take from it.
   */
  order: SQL[];
}

function defineBranch<K extends TimelineKind, F extends Fields, Item>(spec: {
  kind: K;
  fields: (actor: Actor) => F;
  /** The person's rows of the source, with `columns` selected, ordered and limited. */
  select: (input: BranchInput, columns: (at: SQLWrapper, id: PgColumn) => Columns) => SQLWrapper;
  decode: (id: string, fields: JsonOf<F>) => Item;
}): TimelineBranch<K, Item> {
  const { kind } = spec;
  return {
    kind,
    select: (input) =>
      spec.select(input, (at, id) => ({
        select: {
          kind: sql.raw(`'${kind}'`).as("kind"),
          id: sql`${id}`.as("id"),
          at: sql`${at}`.as("at"),
          fields: jsonObject(spec.fields(input.actor)).as("fields"),
        },
        after: afterCursor(kind, input.cursor, at, id),
        order: [desc(at), desc(id)],
      })),
    decode: (id, fields) => spec.decode(id, fields as JsonOf<F>),
  };
}

/**
 * The items after the cursor in the timeline's order (at desc, kind, id desc), for a branch
 * whose kind is fixed: a later kind at the cursor's moment comes after it, an earlier one
 * before; of the cursor's own kind, a smaller id. The kinds compare as their bytes, as the
 * statement's `collate "C"` orders them.
 */
function afterCursor(
  kind: TimelineKind,
  cursor: TimelineCursor | null | undefined,
  at: SQLWrapper,
  id: PgColumn,
): SQL | undefined {
  if (!cursor) return undefined;
  const cursorAt = sql`${cursor.at}::timestamptz`;
  if (kind === cursor.kind) return sql`(${at}, ${id}) < (${cursorAt}, ${cursor.id}::uuid)`;
  return kind > cursor.kind ? lte(at, cursorAt) : lt(at, cursorAt);
}

/**
 * Whether the actor may read an intervention's details, decided once per row (a lateral
 * subquery) for the fields that show or hide them, rather than once per field: the scope's
 * subplans are then planned once, not once for each of its four uses (at city scale the
 * statement's planning fell from 8 to 4 ms, its execution from 3.0 to 2.2 ms).
 */
const detailsReadable = sql<boolean>`intervention_details.readable`;

/** The interventions the person took part in; the details only where the actor may read them. */
export const interventionBranch = defineBranch({
  kind: "intervention",
  fields: () => ({
    interventionKind: intervention.kind,
    enforcementKind: intervention.enforcementKind,
    status: intervention.status,
    leadAgencyName: agency.name,
    occurredAt: intervention.occurredAt,
    visibility: intervention.visibility,
    response: interventionParticipant.response,
    detailsVisible: detailsReadable,
    summary: sql<string | null>`case when ${detailsReadable} then ${intervention.summary} end`,
    message: sql<string | null>`case when ${detailsReadable} then ${intervention.message} end`,
    result: sql<string | null>`case when ${detailsReadable} then ${intervention.result} end`,
  }),
  select: ({ db, actor, subjectId, limit }, columns) => {
    const c = columns(intervention.occurredAt, intervention.id);
    return db
      .select(c.select)
      .from(interventionParticipant)
      .innerJoin(intervention, eq(intervention.id, interventionParticipant.interventionId))
      .innerJoin(agency, eq(agency.id, intervention.leadAgencyId))
      .crossJoinLateral(
        // `offset 0` keeps the planner from inlining the subquery into each field again.
        sql`(select ${interventionContentScope(actor)} as readable offset 0) as intervention_details`,
      )
      .where(and(eq(interventionParticipant.individualId, subjectId), c.after))
      .orderBy(...c.order)
      .limit(limit);
  },
  decode: (id, { occurredAt, ...fields }) => ({
    kind: "intervention" as const,
    id,
    ...fields,
    occurredAt: new Date(occurredAt),
  }),
});

/** The person's outcomes: the register's shared core, so all of each. */
export const outcomeBranch = defineBranch({
  kind: "outcome",
  fields: () => ({
    outcomeKind: outcome.kind,
    occurredAt: outcome.occurredAt,
    recordingAgencyName: agency.name,
    note: outcome.note,
  }),
  select: ({ db, subjectId, limit }, columns) => {
    // An outcome's day sorts at its midnight on the programme's calendar.
    const at = programmeDayStart(outcome.occurredAt);
    const c = columns(at, outcome.id);
    return db
      .select(c.select)
      .from(outcome)
      .innerJoin(agency, eq(agency.id, outcome.recordingAgencyId))
      .where(and(eq(outcome.individualId, subjectId), c.after))
      .orderBy(...c.order)
      .limit(limit);
  },
  decode: (id, fields) => ({ kind: "outcome" as const, id, ...fields }),
});

const fromAgency = alias(agency, "from_agency");
const toAgency = alias(agency, "to_agency");

/** The person's referrals: that each was made for everyone, its note for the two agencies. */
export const referralBranch = defineBranch({
  kind: "referral",
  fields: (actor) => {
    const noteVisible = referralNoteVisible(actor);
    return {
      service: referral.service,
      fromAgencyName: fromAgency.name,
      toAgencyName: toAgency.name,
      status: referral.status,
      consent: referral.consent,
      consentOn: referral.consentOn,
      createdAt: referral.createdAt,
      noteVisible: sql<boolean>`${noteVisible}`,
      note: sql<string | null>`case when ${noteVisible} then ${referral.note} end`,
    };
  },
  select: ({ db, subjectId, limit }, columns) => {
    const c = columns(referral.createdAt, referral.id);
    return db
      .select(c.select)
      .from(referral)
      .innerJoin(fromAgency, eq(fromAgency.id, referral.fromAgencyId))
      .innerJoin(toAgency, eq(toAgency.id, referral.toAgencyId))
      .where(and(eq(referral.individualId, subjectId), c.after))
      .orderBy(...c.order)
      .limit(limit);
  },
  decode: (id, { createdAt, ...fields }) => ({
    kind: "referral" as const,
    id,
    ...fields,
    createdAt: new Date(createdAt),
  }),
});

const stepAgency = alias(agency, "step_agency");

/**
 * Each step of the person's referrals after it was sent (accepted, declined, in progress,
 * completed, withdrawn): who took it as which agency, and when, for everyone, as the referral
 * itself; its reason, as the referral's note, only for the two agencies it is between.
 */
export const referralEventBranch = defineBranch({
  kind: "referral_event",
  fields: (actor) => {
    const reasonVisible = referralNoteVisible(actor);
    return {
      referralId: referralEvent.referralId,
      status: referralEvent.status,
      service: referral.service,
      fromAgencyName: fromAgency.name,
      toAgencyName: toAgency.name,
      changedByName: user.name,
      changedByAgencyName: stepAgency.name,
      changedAt: referralEvent.changedAt,
      reasonVisible: sql<boolean>`${reasonVisible}`,
      reason: sql<string | null>`case when ${reasonVisible} then ${referralEvent.reason} end`,
    };
  },
  select: ({ db, subjectId, limit }, columns) => {
    const c = columns(referralEvent.changedAt, referralEvent.id);
    return db
      .select(c.select)
      .from(referral)
      .innerJoin(referralEvent, eq(referralEvent.referralId, referral.id))
      .innerJoin(fromAgency, eq(fromAgency.id, referral.fromAgencyId))
      .innerJoin(toAgency, eq(toAgency.id, referral.toAgencyId))
      .leftJoin(stepAgency, eq(stepAgency.id, referralEvent.changedByAgencyId))
      .leftJoin(user, eq(user.id, referralEvent.changedById))
      .where(and(eq(referral.individualId, subjectId), c.after))
      .orderBy(...c.order)
      .limit(limit);
  },
  decode: (id, { changedAt, ...fields }) => ({
    kind: "referral_event" as const,
    id,
    ...fields,
    changedAt: new Date(changedAt),
  }),
});

/** The notes on the person the actor may read; the others are not in the timeline at all. */
export const noteBranch = defineBranch({
  kind: "note",
  fields: () => ({
    body: note.body,
    noteKind: note.kind,
    visibility: note.visibility,
    authorAgencyName: agency.name,
    createdAt: note.createdAt,
  }),
  select: ({ db, actor, subjectId, limit }, columns) => {
    const c = columns(note.createdAt, note.id);
    return db
      .select(c.select)
      .from(note)
      .innerJoin(agency, eq(agency.id, note.authorAgencyId))
      .where(and(eq(note.individualId, subjectId), noteReadableScope(actor), c.after))
      .orderBy(...c.order)
      .limit(limit);
  },
  decode: (id, { createdAt, ...fields }) => ({
    kind: "note" as const,
    id,
    ...fields,
    createdAt: new Date(createdAt),
  }),
});

/**
 * The incidents the person is a party to, once each, with every role they had in it (a
 * person may be recorded as more than one party of an incident).
 */
export const incidentBranch = defineBranch({
  kind: "incident",
  fields: () => ({
    incidentKind: incident.kind,
    occurredAt: incident.occurredAt,
    district: incident.district,
    dead: incident.dead,
    injured: incident.injured,
    summary: incident.summary,
    roles: sql<IncidentPartyRole[]>`json_agg(distinct ${incidentParty.role})`,
  }),
  select: ({ db, subjectId, limit }, columns) => {
    const c = columns(incident.occurredAt, incident.id);
    return db
      .select(c.select)
      .from(incidentParty)
      .innerJoin(incident, eq(incident.id, incidentParty.incidentId))
      .where(and(eq(incidentParty.individualId, subjectId), c.after))
      .groupBy(incident.id)
      .orderBy(...c.order)
      .limit(limit);
  },
  decode: (id, { occurredAt, ...fields }) => ({
    kind: "incident" as const,
    id,
    ...fields,
    occurredAt: new Date(occurredAt),
  }),
});
