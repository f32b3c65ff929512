import { date, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { agency } from "./agency";
import { riskLevel } from "./enums";
import { individualCategory, individualStatus } from "./individual";

/**
 * The register's counts for the conflicts and people report (issue 10): the approved people of
 * each status, risk level, category and registering agency, in each district and in the whole
 * city (`district` ''). Kept by a trigger on the people (migration 0018) that takes a person
 * from their old row and adds them to their new one; pending registrations count nowhere. The
 * app's role may only read it.
 */
export const registerCount = pgTable(
  "register_count",
  {
    district: text().notNull(),
    status: individualStatus().notNull(),
    riskLevel: riskLevel().notNull(),
    category: individualCategory().notNull(),
    registeringAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    people: integer().notNull(),
  },
  (t) => [
    unique("register_count_unique").on(
      t.district,
      t.status,
      t.riskLevel,
      t.category,
      t.registeringAgencyId,
    ),
    index("register_count_registering_agency_id_idx").on(t.registeringAgencyId),
  ],
);

/**
 * The approved people whose review falls on each day, by registering agency, in each district
 * and in the whole city (`district` ''): the report's reviews overdue and due soon are a range
 * of days of it. Kept by the same trigger as `register_count`.
 */
export const registerReview = pgTable(
  "register_review",
  {
    district: text().notNull(),
    reviewDue: date({ mode: "string" }).notNull(),
    registeringAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    people: integer().notNull(),
  },
  (t) => [
    unique("register_review_unique").on(t.district, t.reviewDue, t.registeringAgencyId),
    index("register_review_registering_agency_id_idx").on(t.registeringAgencyId),
  ],
);
