import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { auditColumns, auditIndexes, timestampNow } from "./columns";
import { user } from "./user";

/**
 * A user's authenticator app (TOTP, RFC 6238). `secret` is the confirmed one that sign-in
 * checks; `pendingSecret` is shown during enrolment until a code from it is confirmed, so
 * starting over never disables the authenticator already in use.
 */
export const totpCredential = pgTable(
  "totp_credential",
  {
    userId: uuid()
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    /** Base32; null until the first enrolment is confirmed. */
    secret: text(),
    confirmedAt: timestamp({ withTimezone: true }),
    /** The time step of the last code accepted: a code is accepted once, never replayed. */
    lastUsedStep: bigint({ mode: "number" }),
    pendingSecret: text(),
    pendingSince: timestamp({ withTimezone: true }),
    ...auditColumns(),
  },
  (t) => [...auditIndexes("totp_credential", t)],
);

/** Single-use recovery codes, stored as salted SHA-256 (see packages/auth recovery-codes.ts). */
export const recoveryCode = pgTable(
  "recovery_code",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** `<salt hex>:<sha256 hex>` */
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestampNow(),
  },
  (t) => [index("recovery_code_user_id_idx").on(t.userId)],
);
