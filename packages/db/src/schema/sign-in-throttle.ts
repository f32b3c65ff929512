import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Sign-in attempts per key, in the database so that every app instance sees the same counts:
 * `account:<user id, or an HMAC of the e-mail address when no account has it>`,
 * `address:<ip>` and `pending:<user id>:<started at>` (one pending second step). `failures`
 * counts the slots taken in the window: the failures so far plus the attempts still being
 * checked (packages/auth throttle.ts). Rows are short-lived: a key's window or lock ends
 * after minutes, and stale rows are removed as new attempts come in.
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
