import { sql, type SQL } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { CONFLICT_STATUSES } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes, timestampNow } from "./columns";
import { riskLevel } from "./enums";
import { group } from "./group";
import { individual } from "./individual";
import { user } from "./user";

export const conflictStatus = pgEnum("conflict_status", CONFLICT_STATUSES);

/** A conflict between two or more groups and/or individuals. */
export const conflict = pgTable(
  "conflict",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    status: conflictStatus().notNull().default("active"),
    riskLevel: riskLevel().notNull().default("medium"),
    startedOn: date({ mode: "string" }),
    resolvedOn: date({ mode: "string" }),
    description: text(),
    /**
     * What a title search looks in: the title case-folded by `search_fold` (migration 0006),
     * stored so that the function runs when a row is written, not for every row a search reads.
     */
    searchText: text()
      .notNull()
      .generatedAlwaysAs((): SQL => sql`search_fold(${conflict.title})`),
    ...auditColumns(),
  },
  (t) => [
    check("conflict_title_not_blank", sql`btrim(${t.title}) <> ''`),
    check(
      "conflict_dates_ordered",
      sql`${t.resolvedOn} is null or ${t.startedOn} is null or ${t.resolvedOn} >= ${t.startedOn}`,
    ),
    index("conflict_status_idx").on(t.status),
    index("conflict_started_on_idx").on(t.startedOn),
    // The forms' conflict choices, by title (the first MAX_CHOICES): a walk, not a sort.
    index("conflict_title_order_idx").on(t.title, t.id),
    // The list's order (the most dangerous first, then the latest started, the id last): its
    // first page is a walk of this index to the LIMIT, not a sort of the table.
    index("conflict_risk_order_idx").on(t.riskLevel.desc(), t.startedOn.desc().nullsLast(), t.id),
    index("conflict_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    ...auditIndexes("conflict", t),
  ],
);

/** A group or an individual on one side of a conflict. */
export const conflictParty = pgTable(
  "conflict_party",
  {
    id: uuid().primaryKey().defaultRandom(),
    conflictId: uuid()
      .notNull()
      .references(() => conflict.id, { onDelete: "cascade" }),
    groupId: uuid().references(() => group.id, { onDelete: "cascade" }),
    individualId: uuid().references(() => individual.id, { onDelete: "cascade" }),
    /** A label shared by the parties on the same side ("A", "B", or a name). */
    side: text().notNull(),
    ...auditColumns(),
  },
  (t) => [
    check("conflict_party_one_party", sql`num_nonnulls(${t.groupId}, ${t.individualId}) = 1`),
    check("conflict_party_side_not_blank", sql`btrim(${t.side}) <> ''`),
    unique("conflict_party_conflict_group_unique").on(t.conflictId, t.groupId),
    unique("conflict_party_conflict_individual_unique").on(t.conflictId, t.individualId),
    index("conflict_party_group_id_idx").on(t.groupId),
    index("conflict_party_individual_id_idx").on(t.individualId),
    ...auditIndexes("conflict_party", t),
  ],
);

/**
 * One change of a conflict's status or risk level: what they became, what they were (none
 * for the row that records the conflict), who changed them as which agency, when, and why.
 * Written in the transaction of the change itself, so the history is the conflict's own;
 * never updated, so no audit or version columns (append-only in spirit: the access log's
 * trigger is for the log, this is case history, deleted with its conflict).
 */
export const conflictChange = pgTable(
  "conflict_change",
  {
    id: uuid().primaryKey().defaultRandom(),
    conflictId: uuid()
      .notNull()
      .references(() => conflict.id, { onDelete: "cascade" }),
    status: conflictStatus().notNull(),
    riskLevel: riskLevel().notNull(),
    previousStatus: conflictStatus(),
    previousRiskLevel: riskLevel(),
    // Users and agencies are disabled, never deleted, so these references stay valid.
    changedById: uuid().references(() => user.id),
    changedByAgencyId: uuid().references(() => agency.id),
    changedAt: timestampNow(),
    reason: text(),
  },
  (t) => [
    check(
      "conflict_change_previous_together",
      sql`(${t.previousStatus} is null) = (${t.previousRiskLevel} is null)`,
    ),
    check("conflict_change_reason_not_blank", sql`${t.reason} is null or btrim(${t.reason}) <> ''`),
    index("conflict_change_conflict_changed_at_idx").on(t.conflictId, t.changedAt),
    // The conflicts report's changes of status in a period, read from the index alone.
    index("conflict_change_changed_at_idx").on(t.changedAt, t.status, t.previousStatus),
    index("conflict_change_changed_by_id_idx").on(t.changedById),
    index("conflict_change_changed_by_agency_id_idx").on(t.changedByAgencyId),
  ],
);
