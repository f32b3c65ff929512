import { bigint, index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ACCESS_ACTIONS } from "../enum-values";
import { agency } from "./agency";
import { timestampNow } from "./columns";
import { user } from "./user";

export const accessAction = pgEnum("access_action", ACCESS_ACTIONS);

/** Why a record was consulted: chosen once per session and changeable. */
export const accessPurpose = pgEnum("access_purpose", [
  "case_work",
  "coordination_meeting",
  "review",
  "data_subject_request",
  "audit",
]);

/**
 * Append-only: a trigger (migration access_log_append_only) refuses UPDATE, DELETE and
 * TRUNCATE. Hence no audit or version columns, and no foreign key to membership: a
 * membership can be removed, and its log rows must outlive it unchanged. Users and
 * agencies are disabled, never deleted.
 */
export const accessLog = pgTable(
  "access_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestampNow(),
    userId: uuid().references(() => user.id),
    membershipId: uuid(),
    agencyId: uuid().references(() => agency.id),
    action: accessAction().notNull(),
    entityType: text(),
    entityId: text(),
    purpose: accessPurpose(),
    /** Names of the changed fields, never their values. */
    fields: text().array(),
    ip: text(),
    detail: jsonb(),
  },
  (t) => [
    index("access_log_at_idx").on(t.at),
    index("access_log_user_id_idx").on(t.userId, t.at),
    index("access_log_membership_id_idx").on(t.membershipId),
    index("access_log_agency_id_idx").on(t.agencyId, t.at),
    index("access_log_entity_idx").on(t.entityType, t.entityId, t.at),
    index("access_log_action_idx").on(t.action),
  ],
);
