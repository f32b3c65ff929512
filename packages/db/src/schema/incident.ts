import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
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

/**
 * The incidents of each kind in each month of the programme's calendar, with their dead and
 * injured. Derived, never written by the app: a trigger (migration 0015) adds each incident's
 * change to its month, and the app's role may only read it. The shootings report takes the
 * whole months of a period from here and counts only the days at its ends in `incident`, so
 * ten years are 120 rows, not 300,000 (docs/reports.md).
 */
export const incidentMonth = pgTable(
  "incident_month",
  {
    /** The month's first day. */
    month: date({ mode: "string" }).notNull(),
    kind: incidentKind().notNull(),
    incidents: integer().notNull(),
    dead: integer().notNull(),
    injured: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.month] })],
);
