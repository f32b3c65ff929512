import { and, asc, eq, sql } from "@truce/db";
import { group } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { nameSearch } from "./list-groups";
import type { LookupGroupsInput } from "./schemas";

/** How many groups a picker offers at once: type more to narrow it. */
export const LOOKUP_LIMIT = 8;

export interface GroupChoice {
  id: string;
  name: string;
  area: string;
  status: (typeof group.status.enumValues)[number];
}

/**
 * What a group picker offers as the user types: the first groups by name whose name or alias
 * holds the text, or the one group of an id. One statement of the group table alone, no
 * member counts: groups are the programme's shared core, and nothing of any person is read.
 */
export async function lookupGroups(
  { db }: ServiceContext,
  input: LookupGroupsInput,
): Promise<{ items: GroupChoice[] }> {
  const items = await db
    .select({ id: group.id, name: group.name, area: group.area, status: group.status })
    .from(group)
    .where(
      and(
        input.id ? eq(group.id, input.id) : undefined,
        input.search ? nameSearch(input.search) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${group.name})`), asc(group.id))
    .limit(LOOKUP_LIMIT);
  return { items };
}
