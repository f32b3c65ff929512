import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  pgEnum,
  pgTable,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CONSENT_DECISIONS } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { individual } from "./individual";
import { user } from "./user";

export const consentDecision = pgEnum("consent_decision", CONSENT_DECISIONS);

/**
 * A person's consent to share social services' details with the programme: given or
 * refused, on which day, recorded by whom (as which agency), and withdrawn when. A person
 * has at most one record in force (not withdrawn): a new decision withdraws the one before.
 * The visibility rules (packages/api policy) read only the record in force, so a
 * withdrawal hides the details again at the next query.
 */
export const consent = pgTable(
  "consent",
  {
    id: uuid().primaryKey().defaultRandom(),
    individualId: uuid()
      .notNull()
      .references(() => individual.id, { onDelete: "cascade" }),
    decision: consentDecision().notNull(),
    /** The day the person gave or refused it. */
    decidedOn: date({ mode: "string" }).notNull(),
    recordedById: uuid()
      .notNull()
      .references(() => user.id),
    recordedByAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnById: uuid().references(() => user.id),
    ...auditColumns(),
  },
  (t) => [
    uniqueIndex("consent_in_force_unique")
      .on(t.individualId)
      .where(sql`${t.withdrawnAt} is null`),
    check(
      "consent_withdrawal_complete",
      sql`(${t.withdrawnAt} is null) = (${t.withdrawnById} is null)`,
    ),
    index("consent_individual_id_idx").on(t.individualId),
    index("consent_recorded_by_id_idx").on(t.recordedById),
    index("consent_recorded_by_agency_id_idx").on(t.recordedByAgencyId),
    index("consent_withdrawn_by_id_idx").on(t.withdrawnById),
    ...auditIndexes("consent", t),
  ],
);
