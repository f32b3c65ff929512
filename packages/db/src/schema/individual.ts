import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  INDIVIDUAL_CATEGORIES,
  INDIVIDUAL_STATUSES,
  REGISTRATION_STATUSES,
  SUPERVISIONS,
} from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { riskLevel } from "./enums";
import { user } from "./user";

export const individualStatus = pgEnum("individual_status", INDIVIDUAL_STATUSES);

/** What the probation service needs to know about a person's current supervision. */
export const supervision = pgEnum("supervision", SUPERVISIONS);

/** Kept apart as the law on police data asks. */
export const individualCategory = pgEnum("individual_category", INDIVIDUAL_CATEGORIES);

/** Pending registrations are seen only by the registering agency until a manager approves. */
export const registrationStatus = pgEnum("registration_status", REGISTRATION_STATUSES);

/**
 * A person in the register. Minors are derived from `dateOfBirth`, never stored.
 * `nationalId` is sensitive: never listed, never logged.
 */
export const individual = pgTable(
  "individual",
  {
    id: uuid().primaryKey().defaultRandom(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    /** Other names the person is known by (street names), found by the name search too. */
    aliases: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * What a name search looks in: the names and aliases, case-folded (`search_fold`), by
     * the SQL function `individual_search_text` (migration 0006). Stored, so that the
     * function runs when a row is written, not for every row a search reads: the trigram
     * index's recheck and a filter read this column (a SQL function call per row is several
     * microseconds).
     */
    searchText: text()
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`individual_search_text(${individual.givenName}, ${individual.familyName}, ${individual.aliases})`,
      ),
    dateOfBirth: date({ mode: "string" }),
    nationalId: text(),
    district: text().notNull(),
    status: individualStatus().notNull().default("active"),
    riskLevel: riskLevel().notNull().default("medium"),
    supervision: supervision().notNull().default("none"),
    registeringAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    /** The criterion that links the person to group violence. */
    registrationReason: text().notNull(),
    category: individualCategory().notNull(),
    registrationStatus: registrationStatus().notNull().default("pending"),
    approvedById: uuid().references(() => user.id),
    approvedAt: timestamp({ withTimezone: true }),
    /** Confirm the registration (with a reason) or remove the person by this date. */
    reviewDue: date({ mode: "string" }).notNull(),
    /** Hides `currentLocation` from everyone but the exit programme's assigned staff. */
    protectedLocation: boolean().notNull().default(false),
    currentLocation: text(),
    ...auditColumns(),
  },
  (t) => [
    check("individual_given_name_not_blank", sql`btrim(${t.givenName}) <> ''`),
    check("individual_family_name_not_blank", sql`btrim(${t.familyName}) <> ''`),
    check("individual_registration_reason_not_blank", sql`btrim(${t.registrationReason}) <> ''`),
    check(
      "individual_approval_recorded",
      sql`${t.registrationStatus} = 'pending' or ${t.approvedAt} is not null`,
    ),
    // Name and alias search: a trigram index serves LIKE with the wildcard anywhere, and
    // equality and prefixes too, so it replaces the lower(name) text_pattern_ops indexes
    // (prefix only, on one name each) that migration 0006 drops.
    index("individual_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    // Likely duplicates: a given name like the new one's and a family name like its (either
    // way round), the two parts' trigrams in one index so that its scan keeps only the rows
    // matching both. A common name in the whole-name trigram index above is thousands of
    // rows; both parts at once, a few dozen.
    index("individual_name_parts_trgm_idx").using(
      "gin",
      sql`search_fold(${t.givenName}) gin_trgm_ops`,
      sql`search_fold(${t.familyName}) gin_trgm_ops`,
    ),
    // The register's default order: the first page is a walk of this index to the LIMIT,
    // with the scope checked row by row, instead of a sort of the whole table.
    index("individual_name_order_idx").on(t.familyName, t.givenName, t.id),
    uniqueIndex("individual_national_id_unique")
      .on(t.nationalId)
      .where(sql`${t.nationalId} is not null`),
    index("individual_status_idx").on(t.status),
    index("individual_risk_level_idx").on(t.riskLevel),
    index("individual_category_idx").on(t.category),
    index("individual_district_idx").on(t.district),
    index("individual_registering_agency_id_idx").on(t.registeringAgencyId, t.registrationStatus),
    // The pending registrations by agency: the few people out of another agency's scope,
    // read whole from the index when a count leaves them out (individualsOutOfScope).
    index("individual_pending_agency_idx")
      .on(t.registeringAgencyId, t.id)
      .where(sql`${t.registrationStatus} = 'pending'`),
    index("individual_approved_by_id_idx").on(t.approvedById),
    index("individual_review_due_idx").on(t.reviewDue),
    ...auditIndexes("individual", t),
  ],
);
