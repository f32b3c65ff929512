import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { REFERRAL_SERVICES, REFERRAL_STATUSES } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes, timestampNow } from "./columns";
import { individual } from "./individual";
import { user } from "./user";

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
    index("referral_to_agency_id_idx").on(t.toAgencyId, t.status),
    // The inbox and the sent list, newest first (list-referrals.ts): a page is a walk of
    // one of these, backwards, to the LIMIT, the status filter checked row by row, not a
    // sort. Ascending on purpose: drizzle's `.desc()` here is DESC NULLS LAST, while a
    // query's `desc()` is DESC NULLS FIRST, and an index serves only the order it holds
    // (or its exact reverse), so a `.desc()` index would never serve `desc()`.
    index("referral_to_agency_order_idx").on(t.toAgencyId, t.createdAt, t.id),
    index("referral_from_agency_order_idx").on(t.fromAgencyId, t.createdAt, t.id),
    ...auditIndexes("referral", t),
  ],
);

/**
 * One step of a referral after it was sent: accepted, declined (with the reason, which the
 * check requires), in progress, completed or withdrawn; who took it as which agency, and
 * when. Written in the transaction that changes the referral's status
 * (services/referral/transition-referral.ts), never updated, so no audit or version columns
 * (as conflict_change). The person's timeline reads a referral's steps through
 * referral_individual_id_idx and then this table's (referral_id, changed_at) index.
 */
export const referralEvent = pgTable(
  "referral_event",
  {
    id: uuid().primaryKey().defaultRandom(),
    referralId: uuid()
      .notNull()
      .references(() => referral.id, { onDelete: "cascade" }),
    /** The status the step gave the referral. */
    status: referralStatus().notNull(),
    reason: text(),
    // Users and agencies are disabled, never deleted, so these references stay valid.
    changedById: uuid().references(() => user.id),
    changedByAgencyId: uuid().references(() => agency.id),
    changedAt: timestampNow(),
  },
  (t) => [
    check("referral_event_not_sent", sql`${t.status} <> 'sent'`),
    check(
      "referral_event_decline_reason",
      sql`${t.status} <> 'declined' or ${t.reason} is not null`,
    ),
    check("referral_event_reason_not_blank", sql`${t.reason} is null or btrim(${t.reason}) <> ''`),
    index("referral_event_referral_changed_at_idx").on(t.referralId, t.changedAt, t.id),
    index("referral_event_changed_by_id_idx").on(t.changedById),
    index("referral_event_changed_by_agency_id_idx").on(t.changedByAgencyId),
  ],
);
