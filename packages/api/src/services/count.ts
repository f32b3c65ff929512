import { plannedForItsValues, sql, type DbOrTx, type PgTable, type SQL } from "@truce/db";
import { FIELD_LIMITS } from "@truce/db/field-limits";

/** A list's count: exact up to the cap, and `totalCapped` (shown as "1,000+") beyond it. */
export interface CappedCount {
  total: number;
  totalCapped: boolean;
}

/**
 * Counts the rows of `table` that match `where`, reading at most one row past the cap, so
 * that a count costs the same at a million rows as at ten thousand. The pages reach no
 * deeper than the cap either (pageInput), so "1,000+" is all a list needs to say.
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
    .limit(cap + 1);
  // How a count is best read depends on how many rows its filter's values match (an index
  // for a rare status, the table for a common one), so it is planned for them each time.
  const [row] = await db.execute<{ n: number }>(
    plannedForItsValues(sql`select count(*)::int as n from (${matching}) as matching`),
  );
  const n = row?.n ?? 0;
  return { total: Math.min(n, cap), totalCapped: n > cap };
}
