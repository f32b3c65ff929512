import { and, asc, count, eq, like, sql, type SQL } from "@truce/db";
import { group, groupMembership, individual } from "@truce/db/schema";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";
import { cappedCount } from "../count";
import { distinctValues } from "../choices";
import { currentMembership } from "../individual/get-connections";
import { likePattern, offsetOf, type Page } from "../pagination";
import type { ListGroupsInput } from "./schemas";
import { searchFolded } from "../search-fold";

export interface GroupListItem {
  id: string;
  name: string;
  aliases: string[];
  area: string;
  status: (typeof group.status.enumValues)[number];
  /** Its members today whom the actor sees in the register. */
  memberCount: number;
}

/**
 * A search in the name and the aliases, case-folded by `search_fold` on both sides. No index
 * holds this expression, on purpose (it would need a migration): groups number in the
 * hundreds in a city, and the benchmark's national scale has ten thousand (bench/src/generate
 * SCALES), short rows that a scan reads in a few milliseconds. Should groups grow past that, a
 * stored search column with a trigram index, as the register's (migration 0006), takes its
 * place.
 */
export function nameSearch(search: string): SQL {
  return like(
    sql`search_fold(array_to_string(array[${group.name}] || ${group.aliases}, ' '))`,
    searchFolded(likePattern(search)),
  );
}

function filters(input: ListGroupsInput): (SQL | undefined)[] {
  return [
    input.search ? nameSearch(input.search) : undefined,
    input.status ? eq(group.status, input.status) : undefined,
    input.area ? eq(group.area, input.area) : undefined,
  ];
}

/**
 * A page of the groups by name, searched by name and alias and filtered by status and area,
 * each with its number of current members counted in the same statement (a lateral count over
 * group_membership_group_id_idx), of the people in the actor's view of the register only, so
 * that not even a number tells of another agency's pending registration. Also the areas in
 * use, for the area filter (the districts groups are in: a few hundred even nationally).
 */
export async function listGroups(
  { db, actor }: ServiceContext,
  input: ListGroupsInput,
): Promise<Page<GroupListItem> & { areas: string[] }> {
  const where = and(...filters(input));
  const members = db
    .select({ n: count().as("n") })
    .from(groupMembership)
    .innerJoin(individual, eq(individual.id, groupMembership.individualId))
    .where(and(eq(groupMembership.groupId, group.id), currentMembership(), individualScope(actor)))
    .as("members");
  const [items, total, areas] = await Promise.all([
    db
      .select({
        id: group.id,
        name: group.name,
        aliases: group.aliases,
        area: group.area,
        status: group.status,
        memberCount: sql<number>`${members.n}`.mapWith(Number),
      })
      .from(group)
      .crossJoinLateral(members)
      .where(where)
      // By name as group_name_lower_unique holds it (names are unique without case, so this
      // is a total order): the first page is a walk of that index to the LIMIT, each row's
      // member count looked up as it comes.
      .orderBy(asc(sql`lower(${group.name})`), asc(group.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    cappedCount(db, group, where),
    distinctValues(db, group, group.area),
  ]);
  return {
    items,
    ...total,
    page: input.page,
    pageSize: input.pageSize,
    areas,
  };
}
