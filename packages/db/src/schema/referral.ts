import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { REFERRAL_SERVICES, REFERRAL_STATUSES } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { individual } from "./individual";

export const referralService = pgEnum("referral_service", REFERRAL_SERVICES);
export const referralStatus = pgEnum("referral_status", REFERRAL_STATUSES);

/** One agency asks another to take a person on for a service. */
export const referral = pgTable(
  "referral",
  {
    id: uuid().primaryKey().defaultRandom(),
    individualId: uuid()
      .notNull()
      .references(() => individual.id, { onDelete: "cascade" }),
    fromAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    toAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    service: referralService().notNull(),
    status: referralStatus().notNull().default("sent"),
    /** The person's consent to the referral (and to sharing what it needs). */
    consent: boolean().notNull().default(false),
    consentOn: date({ mode: "string" }),
    note: text(),
    ...auditColumns(),
  },
  (t) => [
    check("referral_agencies_differ", sql`${t.fromAgencyId} <> ${t.toAgencyId}`),
    check("referral_consent_dated", sql`not ${t.consent} or ${t.consentOn} is not null`),
    index("referral_individual_id_idx").on(t.individualId),
    index("referral_from_agency_id_idx").on(t.fromAgencyId),
    index("referral_to_agency_id_idx").on(t.toAgencyId, t.status),
    ...auditIndexes("referral", t),
  ],
);
