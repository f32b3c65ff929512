import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ACCESS_ACTIONS, ACCESS_PURPOSES } from "../enum-values";
import { agency } from "./agency";
import { timestampNow } from "./columns";
import { user } from "./user";

export const accessAction = pgEnum("access_action", ACCESS_ACTIONS);

/** Why a record was consulted: chosen once per session and changeable. */
export const accessPurpose = pgEnum("access_purpose", ACCESS_PURPOSES);

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
    /**
     * The hash chain (migration access_log_roles_and_chain): a BEFORE INSERT trigger sets
     * `at` to the database's clock and these three, whatever the insert says. `chainSeq`
     * orders the chain (ids are taken before the chain's lock, so they need not); `hash` is
     * SHA-256 over the row's content and `prevHash`, the hash of the row before.
     */
    chainSeq: bigint({ mode: "number" }),
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    index("access_log_at_idx").on(t.at),
    index("access_log_user_id_idx").on(t.userId, t.at),
    index("access_log_membership_id_idx").on(t.membershipId),
    index("access_log_agency_id_idx").on(t.agencyId, t.at),
    index("access_log_entity_idx").on(t.entityType, t.entityId, t.at),
    index("access_log_action_idx").on(t.action),
    uniqueIndex("access_log_chain_seq_unique").on(t.chainSeq),
  ],
);

/**
 * The end of the access log's hash chain: one row, written only by the insert trigger
 * (which runs with the owner's rights; the apps' role cannot touch this table). Verifying
 * compares the last row of the log with it, so cutting rows off the end is detected too.
 */
export const accessLogChainHead = pgTable(
  "access_log_chain_head",
  {
    id: smallint().primaryKey().default(1),
    chainSeq: bigint({ mode: "number" }).notNull(),
    hash: text().notNull(),
  },
  (t) => [check("access_log_chain_head_single_row", sql`${t.id} = 1`)],
);
