import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestampNow } from "./columns";
import { user } from "./user";

/**
 * Sessions ended by signing out. Session tokens are signed, not stored, so a copy of a
 * signed-out token would stay valid until it expires; every request checks this list.
 * A row is kept until the token could no longer be used anyway (`expiresAt`).
 */
export const revokedSession = pgTable(
  "revoked_session",
  {
    sessionId: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    revokedAt: timestampNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("revoked_session_user_id_idx").on(t.userId),
    index("revoked_session_expires_at_idx").on(t.expiresAt),
  ],
);
