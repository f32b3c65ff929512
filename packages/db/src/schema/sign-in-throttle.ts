import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed sign-ins per key (`account:<e-mail>` or `address:<ip>`), in the database so that
 * every app instance sees the same counts. Rows are short-lived: a key's window or lock
 * ends after minutes, and stale rows are removed as new failures come in.
 */
export const signInThrottle = pgTable(
  "sign_in_throttle",
  {
    key: text().primaryKey(),
    failures: integer().notNull(),
    windowStartedAt: timestamp({ withTimezone: true }).notNull(),
    lockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index("sign_in_throttle_window_started_at_idx").on(t.windowStartedAt)],
);
