import { date, integer, pgTable, pgView, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { conflictStatus } from "./conflict";

/**
 * The conflicts report's counts (issue 10): each month's changes of conflicts' status, in each
 * district the conflicts concern and in the whole city (`district` ''). A change adds one to
 * the status it made and takes one from the status before it, so the conflicts in a status at
 * a month's end are the sum of `conflicts` up to it. Kept by triggers from the changes, the
 * parties, the people and the groups (migration 0018), which recount a month from
 * `conflict_change_district` whenever something in it changes; the app's role may only read it.
 */
export const conflictMonth = pgTable(
  "conflict_month",
  {
    /** A district the conflicts concern (a group party's area, a person's district); '' for all. */
    district: text().notNull(),
    /** The month's first day, on the programme's calendar. */
    month: date({ mode: "string" }).notNull(),
    status: conflictStatus().notNull(),
    /** The month's changes into this status less those out of it. */
    conflicts: integer().notNull(),
    /** Conflicts recorded in the month with this status. */
    opened: integer().notNull(),
    /** Changes into resolved from another status (only in the row of `resolved`). */
    resolved: integer().notNull(),
  },
  (t) => [unique("conflict_month_unique").on(t.district, t.month, t.status)],
);

/**
 * What `conflict_month` counts, from the case records (migration 0018): a row per change of a
 * conflict and district the conflict concerns ('' for the whole city, the areas of its group
 * parties, the districts of its approved individual parties). The conflicts report counts the
 * days at a report's ends from it.
 */
export const conflictChangeDistrict = pgView("conflict_change_district", {
  conflictId: uuid().notNull(),
  changedAt: timestamp({ withTimezone: true }).notNull(),
  status: conflictStatus().notNull(),
  previousStatus: conflictStatus(),
  district: text().notNull(),
}).existing();
