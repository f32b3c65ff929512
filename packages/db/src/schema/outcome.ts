import { date, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { OUTCOME_KINDS } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { individual } from "./individual";

export const outcomeKind = pgEnum("outcome_kind", OUTCOME_KINDS);

/** A milestone in a person's path; the exit funnel counts these. */
export const outcome = pgTable(
  "outcome",
  {
    id: uuid().primaryKey().defaultRandom(),
    individualId: uuid()
      .notNull()
      .references(() => individual.id, { onDelete: "cascade" }),
    kind: outcomeKind().notNull(),
    /** The day it happened (a date: the reports count by day, not by hour). */
    occurredAt: date({ mode: "string" }).notNull(),
    recordingAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    note: text(),
    ...auditColumns(),
  },
  (t) => [
    index("outcome_individual_id_idx").on(t.individualId),
    index("outcome_kind_occurred_at_idx").on(t.kind, t.occurredAt),
    index("outcome_recording_agency_id_idx").on(t.recordingAgencyId),
    ...auditIndexes("outcome", t),
  ],
);
