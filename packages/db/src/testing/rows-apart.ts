import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";

/**
 * How many rows two queries of the same columns do not share: those `kept` holds and `counted`
 * does not, and those `counted` holds and `kept` does not. The tests of a table the owner's
 * triggers keep compare it so with a count of the case records themselves: 0 when it is right.
 */
export async function rowsApart(db: DbOrTx, kept: SQL, counted: SQL): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`
    with kept as (${kept}), counted as (${counted})
    select count(*)::int as n from (
      (select * from kept except select * from counted)
      union all (select * from counted except select * from kept)
    ) d`);
  return row!.n;
}
