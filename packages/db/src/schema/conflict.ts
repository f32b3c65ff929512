import { sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { CONFLICT_STATUSES } from "../enum-values";
import { auditColumns, auditIndexes } from "./columns";
import { riskLevel } from "./enums";
import { group } from "./group";
import { individual } from "./individual";

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
