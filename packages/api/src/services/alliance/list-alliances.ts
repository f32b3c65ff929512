import { alias, asc, desc, eq, or, sql } from "@truce/db";
import { alliance, group } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { cappedCount } from "../count";
import { offsetOf } from "../pagination";
import type { ListAlliancesInput } from "./schemas";

/**
 * A page of the alliances, those in force first (no end, or an end not yet passed), then by
 * start, the latest first; of one group when asked. Alliances are between groups, the
 * programme's shared core: nothing about anyone. Two statements: the page and its count.
 */
export async function listAlliances({ db }: ServiceContext, input: ListAlliancesInput) {
  const groupA = alias(group, "group_a");
  const groupB = alias(group, "group_b");
  const where = input.groupId
    ? or(eq(alliance.groupAId, input.groupId), eq(alliance.groupBId, input.groupId))
    : undefined;
  const inForce = sql<boolean>`(${alliance.toOn} is null or ${alliance.toOn} >= current_date)`;
  const [items, count] = await Promise.all([
    db
      .select({
        id: alliance.id,
        groupA: { id: groupA.id, name: groupA.name },
        groupB: { id: groupB.id, name: groupB.name },
        fromOn: alliance.fromOn,
        toOn: alliance.toOn,
        note: alliance.note,
        inForce,
        version: alliance.version,
      })
      .from(alliance)
      .innerJoin(groupA, eq(groupA.id, alliance.groupAId))
      .innerJoin(groupB, eq(groupB.id, alliance.groupBId))
      .where(where)
      .orderBy(
        desc(inForce),
        sql`${alliance.fromOn} desc nulls last`,
        asc(groupA.name),
        asc(alliance.id),
      )
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    cappedCount(db, alliance, where),
  ]);
  return { items, ...count, page: input.page, pageSize: input.pageSize };
}
