import { date, integer, pgTable, pgView, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { conflictStatus } from "./conflict";

/**
 * The conflicts report's counts (issue 10): each month's changes of conflicts' status, in each
 * district the conflicts concern and in the whole city (`district` ''). A change adds one to
 * the status it made and takes one from the status before it, so the conflicts in a status at
 * a month's end are the sum of `conflicts` up to it. Kept by triggers from the changes, the
 * parties, the people and the groups (migration 0018), which recount a month from
 * `conflict_status_event` whenever something in it changes (and add a new change to its month); the app's role may only read it.
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
 * What `conflict_month` counts, from the case records (migration 0018): each change of a
 * conflict as +1 to the status it made and -1 to the status before it, in each district the
 * conflict concerns ('' for the whole city, the areas of its group parties, the districts of
 * its approved individual parties). The conflicts report counts the days at a report's ends in
 * a district from it.
 */
export const conflictStatusEvent = pgView("conflict_status_event", {
  changeId: uuid().notNull(),
  conflictId: uuid().notNull(),
  changedAt: timestamp({ withTimezone: true }).notNull(),
  district: text().notNull(),
  status: conflictStatus().notNull(),
  /** +1 into the status, -1 out of it. */
  delta: integer().notNull(),
  /** 1 for the change that recorded the conflict. */
  opened: integer().notNull(),
  /** 1 for a change into resolved from another status. */
  resolved: integer().notNull(),
}).existing();
