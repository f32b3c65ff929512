import {
  date,
  index,
  integer,
  pgTable,
  pgView,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { agency } from "./agency";
import { enforcementKind, interventionKind } from "./intervention";

/**
 * The activity report's counts (issue 10): the done interventions of each month, kind,
 * enforcement sub-kind and lead agency, in each district they concern and in the whole city
 * (`district` ''), and the people who came to the call-ins among them. Kept by triggers from
 * the interventions, their participants, the people and the groups (migration 0016), which
 * recount a month's key from `intervention_activity` whenever something in it changes; the
 * app's role may only read it.
 */
export const interventionMonth = pgTable(
  "intervention_month",
  {
    /** A district the interventions concern (a participant's, or the group's area); '' for all. */
    district: text().notNull(),
    /** The month's first day, on the programme's calendar. */
    month: date({ mode: "string" }).notNull(),
    kind: interventionKind().notNull(),
    enforcementKind: enforcementKind(),
    leadAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    /** Done interventions. */
    interventions: integer().notNull(),
    /** At done call-ins: the approved people who came (attended, or answered the offer). */
    people: integer().notNull(),
  },
  (t) => [
    unique("intervention_month_unique")
      .on(t.district, t.month, t.kind, t.enforcementKind, t.leadAgencyId)
      .nullsNotDistinct(),
    index("intervention_month_key_idx").on(t.kind, t.month, t.leadAgencyId),
    // The activity report's months of a district (or the whole city), with every figure: read
    // from the index alone, where the unique index would visit a page of the table per row.
    index("intervention_month_figures_idx").on(
      t.district,
      t.month,
      t.kind,
      t.enforcementKind,
      t.leadAgencyId,
      t.interventions,
      t.people,
    ),
    index("intervention_month_lead_agency_id_idx").on(t.leadAgencyId),
  ],
);

/**
 * What `intervention_month` counts, from the case records (migration 0016): a row per done
 * intervention and district it concerns ('' for the whole city), with the people who came
 * when it is a call-in. The activity report counts the days at a period's ends from it.
 */
export const interventionActivity = pgView("intervention_activity", {
  interventionId: uuid().notNull(),
  occurredAt: timestamp({ withTimezone: true }).notNull(),
  month: date({ mode: "string" }).notNull(),
  kind: interventionKind().notNull(),
  enforcementKind: enforcementKind(),
  leadAgencyId: uuid().notNull(),
  district: text().notNull(),
  people: integer().notNull(),
}).existing();
