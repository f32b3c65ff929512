import { type AnyPgColumn, index, integer, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./user";

// Function declarations only: user.ts and this file import each other, and hoisted
// functions are callable whichever of the two a bundler evaluates first.

/** A timestamptz column that defaults to the moment the row is written. */
export function timestampNow() {
  return timestamp({ withTimezone: true }).notNull().defaultNow();
}

/**
 * The columns every editable row carries: who created and last changed it, when, and a
 * version for optimistic locking (an update states the version it read and bumps it; a
 * stale edit then matches no row and is refused, never silently overwrites).
 *
 * A function, so every table gets its own column builders.
 */
export function auditColumns() {
  return {
    createdAt: timestampNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
    // Users are disabled, never deleted, so these references stay valid.
    createdById: uuid().references((): AnyPgColumn => user.id),
    updatedById: uuid().references((): AnyPgColumn => user.id),
    version: integer().notNull().default(1),
  };
}

/** The indexes on the audit columns' foreign keys (every foreign key is indexed). */
export function auditIndexes(
  table: string,
  t: { createdById: AnyPgColumn; updatedById: AnyPgColumn },
) {
  return [
    index(`${table}_created_by_id_idx`).on(t.createdById),
    index(`${table}_updated_by_id_idx`).on(t.updatedById),
  ];
}
