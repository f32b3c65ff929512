import { and, asc, eq, ne } from "@truce/db";
import { conflict } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { LOOKUP_LIMIT } from "../group/lookup-groups";
import { titleSearch } from "./list-conflicts";
import type { LookupConflictsInput } from "./schemas";

export interface ConflictChoice {
  id: string;
  title: string;
  status: (typeof conflict.status.enumValues)[number];
  riskLevel: (typeof conflict.riskLevel.enumValues)[number];
}

/**
 * What a conflict picker offers as the user types: the first conflicts by title whose title
 * holds the text or words like it (the trigram index on the stored search text), the open
 * ones only if asked, or the one conflict of an id. One statement of the conflict table alone.
 */
export async function lookupConflicts(
  { db }: ServiceContext,
  input: LookupConflictsInput,
): Promise<{ items: ConflictChoice[] }> {
  const items = await db
    .select({
      id: conflict.id,
      title: conflict.title,
      status: conflict.status,
      riskLevel: conflict.riskLevel,
    })
    .from(conflict)
    .where(
      and(
        input.id ? eq(conflict.id, input.id) : undefined,
        input.search ? titleSearch(input.search) : undefined,
        input.open ? ne(conflict.status, "resolved") : undefined,
      ),
    )
    // By title as conflict_title_order_idx holds it: the first choices are a walk of that index.
    .orderBy(asc(conflict.title), asc(conflict.id))
    .limit(LOOKUP_LIMIT);
  return { items };
}
