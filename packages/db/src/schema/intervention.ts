import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import {
  CONVERSATION_CHANNELS,
  DELIVERY_RESULTS,
  ENFORCEMENT_KINDS,
  INTERVENTION_KINDS,
  INTERVENTION_STATUSES,
  PARTICIPANT_RESPONSES,
} from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { conflict } from "./conflict";
import { visibility } from "./enums";
import { group } from "./group";
import { incident } from "./incident";
import { individual } from "./individual";

/** custom_notification: a one-to-one conversation delivering the programme's message. */
export const interventionKind = pgEnum("intervention_kind", INTERVENTION_KINDS);
export const enforcementKind = pgEnum("enforcement_kind", ENFORCEMENT_KINDS);
export const interventionStatus = pgEnum("intervention_status", INTERVENTION_STATUSES);
/** Where a one-to-one conversation took place. */
export const conversationChannel = pgEnum("conversation_channel", CONVERSATION_CHANNELS);
/** Whether a one-to-one conversation's message reached the person. */
export const deliveryResult = pgEnum("delivery_result", DELIVERY_RESULTS);
export const participantResponse = pgEnum("participant_response", PARTICIPANT_RESPONSES);

/**
 * Something the programme did. Enforcement rows with a group form that group's
 * enforcement ledger: the incident that triggered them, each action and its result.
 */
export const intervention = pgTable(
  "intervention",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: interventionKind().notNull(),
    enforcementKind: enforcementKind(),
    leadAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    status: interventionStatus().notNull().default("planned"),
    summary: text(),
    visibility: visibility().notNull().default("agency"),
    groupId: uuid().references(() => group.id, { onDelete: "set null" }),
    conflictId: uuid().references(() => conflict.id, { onDelete: "set null" }),
    triggeringIncidentId: uuid().references(() => incident.id, { onDelete: "set null" }),
    result: text(),
    /** A call-in's message, as given. */
    message: text(),
    channel: conversationChannel(),
    deliveryResult: deliveryResult(),
    ...auditColumns(),
  },
  (t) => [
    check(
      "intervention_enforcement_kind_iff_enforcement",
      sql`(${t.kind} = 'enforcement') = (${t.enforcementKind} is not null)`,
    ),
    check(
      "intervention_channel_only_for_conversation",
      sql`${t.kind} = 'custom_notification' or (${t.channel} is null and ${t.deliveryResult} is null)`,
    ),
    index("intervention_kind_occurred_at_idx").on(t.kind, t.occurredAt),
    index("intervention_occurred_at_idx").on(t.occurredAt),
    // The activity report's days outside whole months: the done interventions of a range of
    // days with their key, read from the index alone (migration 0020).
    index("intervention_done_occurred_at_idx")
      .on(t.occurredAt, t.kind, t.enforcementKind, t.leadAgencyId, t.id)
      .where(sql`${t.status} = 'done'`),
    index("intervention_status_idx").on(t.status),
    index("intervention_lead_agency_id_idx").on(t.leadAgencyId),
    index("intervention_group_id_idx").on(t.groupId),
    index("intervention_conflict_id_idx").on(t.conflictId),
    index("intervention_triggering_incident_id_idx").on(t.triggeringIncidentId),
    ...auditIndexes("intervention", t),
  ],
);

/**
 * A person an intervention concerned. For a call-in these are the people invited; the
 * response says whether they came and whether they took the offer of support.
 */
export const interventionParticipant = pgTable(
  "intervention_participant",
  {
    id: uuid().primaryKey().defaultRandom(),
    interventionId: uuid()
      .notNull()
      .references(() => intervention.id, { onDelete: "cascade" }),
    individualId: uuid()
      .notNull()
      .references(() => individual.id, { onDelete: "cascade" }),
    response: participantResponse(),
    ...auditColumns(),
  },
  (t) => [
    unique("intervention_participant_unique").on(t.interventionId, t.individualId),
    index("intervention_participant_individual_id_idx").on(t.individualId),
    ...auditIndexes("intervention_participant", t),
  ],
);

/** An agency present at a call-in (or another joint intervention). */
export const interventionAgency = pgTable(
  "intervention_agency",
  {
    id: uuid().primaryKey().defaultRandom(),
    interventionId: uuid()
      .notNull()
      .references(() => intervention.id, { onDelete: "cascade" }),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    ...auditColumns(),
  },
  (t) => [
    unique("intervention_agency_unique").on(t.interventionId, t.agencyId),
    index("intervention_agency_agency_id_idx").on(t.agencyId),
    ...auditIndexes("intervention_agency", t),
  ],
);

/** A speaker at a call-in: an agency's representative or a community voice. */
export const interventionSpeaker = pgTable(
  "intervention_speaker",
  {
    id: uuid().primaryKey().defaultRandom(),
    interventionId: uuid()
      .notNull()
      .references(() => intervention.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** What the speaker stands for, e.g. "chief of police", "mother of a victim". */
    role: text().notNull(),
    agencyId: uuid().references(() => agency.id),
    ...auditColumns(),
  },
  (t) => [
    check("intervention_speaker_name_not_blank", sql`btrim(${t.name}) <> ''`),
    index("intervention_speaker_intervention_id_idx").on(t.interventionId),
    index("intervention_speaker_agency_id_idx").on(t.agencyId),
    ...auditIndexes("intervention_speaker", t),
  ],
);
