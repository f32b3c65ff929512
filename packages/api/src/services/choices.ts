import { sql, type DbOrTx, type PgColumn, type PgTable } from "@truce/db";

/** More choices than this in one select list are no use; a search box takes over. */
export const MAX_CHOICES = 500;

/**
 * The distinct values of a text column in order (the districts in use, the groups' areas),
 * at most `limit`, by a skip along the column's own index: one index probe per value, not a
 * read of the whole table as `select distinct` is. The column must lead a btree index
 * (incident_district_kind_occurred_at_idx, individual_district_idx, group_area_idx).
 */
export async function distinctValues(
  db: DbOrTx,
  table: PgTable,
  column: PgColumn,
  limit: number = MAX_CHOICES,
): Promise<string[]> {
  const rows = await db.execute<{ value: string }>(sql`
    with recursive found(value) as (
      (select ${column} from ${table} where ${column} is not null order by 1 limit 1)
      union all
      select (
        select ${column} from ${table} where ${column} > found.value order by 1 limit 1
      )
      from found where found.value is not null
    )
    select value from found where value is not null limit ${limit}`);
  return rows.map((row) => row.value);
}
