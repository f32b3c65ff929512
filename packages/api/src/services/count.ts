import { count, sql, type DbOrTx, type PgTable, type SQL } from "@truce/db";
import { FIELD_LIMITS } from "@truce/db/field-limits";

/** A list's count: exact up to the cap, and `totalCapped` (shown as "10,000+") beyond it. */
export interface CappedCount {
  total: number;
  totalCapped: boolean;
}

/**
 * Counts the rows of `table` that match `where`, reading at most one row past the cap, so
 * that a count costs the same at a million rows as at ten thousand. The pages reach no
 * deeper than the cap either (pageInput), so "10,000+" is all a list needs to say.
 */
export async function cappedCount(
  db: DbOrTx,
  table: PgTable,
  where: SQL | undefined,
): Promise<CappedCount> {
  const cap = FIELD_LIMITS.count.max;
  const matching = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as("matching");
  const [row] = await db.select({ n: count() }).from(matching);
  const n = row?.n ?? 0;
  return { total: Math.min(n, cap), totalCapped: n > cap };
}
