import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { GROUP_INVOLVEMENTS, INCIDENT_KINDS, INCIDENT_PARTY_ROLES } from "../enum-values";
import { auditColumns, auditIndexes } from "./columns";
import { conflict } from "./conflict";
import { group } from "./group";
import { individual } from "./individual";

export const incidentKind = pgEnum("incident_kind", INCIDENT_KINDS);

/** Whether group members were involved, as settled at the incident review. */
export const groupInvolvement = pgEnum("group_involvement", GROUP_INVOLVEMENTS);

export const incidentPartyRole = pgEnum("incident_party_role", INCIDENT_PARTY_ROLES);

/** A violent event. */
export const incident = pgTable(
  "incident",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: incidentKind().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    district: text().notNull(),
    dead: integer().notNull().default(0),
    injured: integer().notNull().default(0),
    conflictId: uuid().references(() => conflict.id, { onDelete: "set null" }),
    groupInvolvement: groupInvolvement().notNull().default("unknown"),
    summary: text(),
    ...auditColumns(),
  },
  (t) => [
    check("incident_dead_not_negative", sql`${t.dead} >= 0`),
    check("incident_injured_not_negative", sql`${t.injured} >= 0`),
    index("incident_occurred_at_idx").on(t.occurredAt),
    // The reports' counts (report.incidents) read from these indexes alone: a kind in a
    // period, or in a district and a period, with the casualties each incident adds. They
    // also serve the list's filters by kind, and by district, and the districts in use.
    index("incident_kind_occurred_at_idx").on(t.kind, t.occurredAt, t.dead, t.injured),
    index("incident_district_kind_occurred_at_idx").on(
      t.district,
      t.kind,
      t.occurredAt,
      t.dead,
      t.injured,
    ),
    index("incident_conflict_id_idx").on(t.conflictId),
    ...auditIndexes("incident", t),
  ],
);

/** A group or an individual involved in an incident, as victim, suspect or linked. */
export const incidentParty = pgTable(
  "incident_party",
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    groupId: uuid().references(() => group.id, { onDelete: "cascade" }),
    individualId: uuid().references(() => individual.id, { onDelete: "cascade" }),
    role: incidentPartyRole().notNull(),
    ...auditColumns(),
  },
  (t) => [
    check("incident_party_one_party", sql`num_nonnulls(${t.groupId}, ${t.individualId}) = 1`),
    index("incident_party_incident_id_idx").on(t.incidentId),
    index("incident_party_group_id_idx").on(t.groupId),
    index("incident_party_individual_id_idx").on(t.individualId),
    ...auditIndexes("incident_party", t),
  ],
);
