import {
  and,
  eq,
  sql,
  type PgColumn,
  type PgTable,
  type PgUpdateSetSource,
  type SelectedFields,
} from "@truce/db";
import { AppError } from "../errors";
import type { ApiErrorKey } from "../messages";
import type { InTransaction } from "./context";

/** A table whose rows carry `auditColumns()`: an id, a version, and who changed them last. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedById: PgColumn };

/** A change of a versioned row: which row, the version the person saw, and what to set. */
export interface VersionedChange<T extends VersionedTable, R extends SelectedFields> {
  /** The row's id: a uuid, or 1 for the one row of the platform's settings. */
  id: string | number;
  version: number;
  set: PgUpdateSetSource<T>;
  /** The columns to return from the changed row. */
  returning: R;
  /** What the person reads when the row changed meanwhile, e.g. "apiErrors.user.stale". */
  staleKey: ApiErrorKey;
}

/**
 * Optimistic locking, the one way: changes the row only if it still has the version the
 * person saw, bumps the version, records the actor as the last to change it, and returns
 * the chosen columns. A row that changed meanwhile matches nothing and is refused with
 * `staleKey` (a STALE_VERSION error, 409), so a later edit never silently overwrites one
 * the person did not see; the form keeps what they typed and asks them to reload.
 */
export async function updateVersioned<T extends VersionedTable, R extends SelectedFields>(
  { db, actor }: InTransaction,
  table: T,
  change: VersionedChange<T, R>,
) {
  // The version and the last editor are this helper's to set, whatever `set` holds.
  const versioned: PgTable = table;
  const [updated] = await db
    .update(versioned)
    .set({ ...change.set, version: sql`${table.version} + 1`, updatedById: actor.userId })
    .where(and(eq(table.id, change.id), eq(table.version, change.version)))
    .returning(change.returning);
  if (!updated) throw new AppError("STALE_VERSION", change.staleKey);
  return updated;
}
