import { sql, type SQL } from "@truce/db";

/**
 * `search_fold(value)` (migration 0006) computed once per statement, as an InitPlan, not once
 * per row: a prepared statement's generic plan has no value to fold the call into a constant,
 * so a bare `search_fold($1)` in a filter's recheck or in an order runs again for every row
 * the index returns (a name search took twice as long at national scale). The trigram index
 * serves `search_text like (select ...)` and `(select ...) <% search_text` as it serves a
 * constant.
 */
export const searchFolded = (value: string): SQL => sql`(select search_fold(${value}))`;
