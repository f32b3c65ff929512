import { sql } from "drizzle-orm";
import { boolean, date, index, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { FUNNEL_STEPS } from "../enum-values";
import { agency } from "./agency";
import { individual } from "./individual";

export const funnelStep = pgEnum("funnel_step", FUNNEL_STEPS);

/**
 * The first day each person took each step of the exit funnel, and the first day each agency
 * recorded it for them (`agencyId` null: by any agency). Derived, never written by the app:
 * triggers (migration 0014) rebuild a person's rows from the interventions, participants and
 * outcomes whenever one of those changes, and the app's role may only read it. So the funnel
 * counts rows of one index range instead of every intervention of the period
 * (docs/reports.md). `district` and `approved` are the person's, kept with each row so the
 * filters read the same index.
 */
export const individualMilestone = pgTable(
  "individual_milestone",
  {
    individualId: uuid()
      .notNull()
      .references(() => individual.id, { onDelete: "cascade" }),
    step: funnelStep().notNull(),
    agencyId: uuid().references(() => agency.id),
    firstOn: date({ mode: "string" }).notNull(),
    district: text().notNull(),
    approved: boolean().notNull(),
  },
  (t) => [
    unique("individual_milestone_unique").on(t.individualId, t.step, t.agencyId).nullsNotDistinct(),
    index("individual_milestone_step_idx")
      .on(t.step, t.agencyId, t.firstOn)
      .where(sql`${t.approved}`),
    index("individual_milestone_district_idx")
      .on(t.district, t.step, t.agencyId, t.firstOn)
      .where(sql`${t.approved}`),
    index("individual_milestone_agency_id_idx").on(t.agencyId),
  ],
);
