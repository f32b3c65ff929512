import {
  alias,
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  ne,
  or,
  sql,
  subquery,
  type SQL,
} from "@truce/db";
import {
  alliance,
  conflict,
  conflictParty,
  group,
  groupMembership,
  individual,
} from "@truce/db/schema";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";
import { currentMembership } from "../individual/get-connections";
import { NETWORK_BOUNDS, type NetworkGraphInput } from "./schemas";

type GroupStatus = (typeof group.status.enumValues)[number];
type ConflictStatus = (typeof conflict.status.enumValues)[number];
type RiskLevel = (typeof conflict.riskLevel.enumValues)[number];

export interface NetworkNode {
  id: string;
  name: string;
  area: string;
  status: GroupStatus;
  /** The members in force today whom the actor may see in the register. */
  currentMembers: number;
  /** With an area filter: a group of another area at the far end of one of the edges. */
  outside: boolean;
}

/** Two groups on different sides of a conflict: one edge per such pair. */
export interface ConflictEdge {
  kind: "conflict";
  conflictId: string;
  groupAId: string;
  groupBId: string;
  title: string;
  status: ConflictStatus;
  riskLevel: RiskLevel;
}

export interface AllianceEdge {
  kind: "alliance";
  allianceId: string;
  groupAId: string;
  groupBId: string;
  fromOn: string | null;
  toOn: string | null;
  /** It ended before today. */
  ended: boolean;
}

export type NetworkEdge = ConflictEdge | AllianceEdge;

export interface NetworkGraph {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Every area a group is in, for the area filter. */
  areas: string[];
  /** More groups or edges matched than the bounds hold; the most pressing are kept. */
  truncated: boolean;
}

/** An alliance in force today (an end date of today still counts), or one with no end. */
const allianceInForce = or(isNull(alliance.toOn), gte(alliance.toOn, sql`current_date`)) as SQL;

/**
 * The network picture: groups, the conflicts between them and their alliances, in four
 * statements whatever the size (the areas, the groups with their member counts, the conflict
 * pairs, the alliances), none of them per group or per edge.
 *
 * Groups and conflicts are the register's core, shared across the programme (DOMAIN.md,
 * "Visibility"), so there is no agency scope beyond the action's roles. Individuals are not
 * part of the picture: an individual's side in a conflict is left out, and no name, note,
 * description or reason of anyone is read. The one thing derived from people is each group's
 * member count, and it counts only those the actor may see in the register
 * (`individualScope`), so another agency's pending registration does not show even as a
 * number.
 *
 * With an area, the picture is that area's groups, every edge with at least one end among
 * them, and the groups at the far ends of those edges marked `outside`: who a local group is
 * fighting or allied with matters most when the other group is elsewhere.
 */
export async function getNetworkGraph(
  { db, actor }: ServiceContext,
  input: NetworkGraphInput,
): Promise<NetworkGraph> {
  const { area } = input;
  const groupA = alias(group, "group_a");
  const groupB = alias(group, "group_b");
  const eitherEndInArea = area ? or(eq(groupA.area, area), eq(groupB.area, area)) : undefined;

  const partyA = alias(conflictParty, "party_a");
  const partyB = alias(conflictParty, "party_b");
  // Each pair of groups once (the lower id first) on different sides of the same conflict:
  // two groups on side A and one on side B are two edges. Individuals' rows have no group id
  // and so never pair.
  const conflictPairs =
    input.conflictStatuses.length === 0
      ? Promise.resolve([])
      : db
          .select({
            conflictId: conflict.id,
            groupAId: groupA.id,
            groupBId: groupB.id,
            title: conflict.title,
            status: conflict.status,
            riskLevel: conflict.riskLevel,
          })
          .from(partyA)
          .innerJoin(
            partyB,
            and(
              eq(partyB.conflictId, partyA.conflictId),
              ne(partyB.side, partyA.side),
              lt(partyA.groupId, partyB.groupId),
            ),
          )
          .innerJoin(conflict, eq(conflict.id, partyA.conflictId))
          .innerJoin(groupA, eq(groupA.id, partyA.groupId))
          .innerJoin(groupB, eq(groupB.id, partyB.groupId))
          .where(and(inArray(conflict.status, input.conflictStatuses), eitherEndInArea))
          // The most dangerous kept first when the picture is cut.
          .orderBy(
            desc(conflict.riskLevel),
            asc(conflict.title),
            asc(conflict.id),
            asc(groupA.id),
            asc(groupB.id),
          )
          .limit(NETWORK_BOUNDS.edges + 1);

  const alliances = !input.includeAlliances
    ? Promise.resolve([])
    : db
        .select({
          allianceId: alliance.id,
          groupAId: alliance.groupAId,
          groupBId: alliance.groupBId,
          fromOn: alliance.fromOn,
          toOn: alliance.toOn,
          ended: sql<boolean>`not ${allianceInForce}`,
        })
        .from(alliance)
        .innerJoin(groupA, eq(groupA.id, alliance.groupAId))
        .innerJoin(groupB, eq(groupB.id, alliance.groupBId))
        .where(and(input.includeEndedAlliances ? undefined : allianceInForce, eitherEndInArea))
        // Those in force first, then the latest begun.
        .orderBy(desc(allianceInForce), sql`${alliance.fromOn} desc nulls last`, asc(alliance.id))
        .limit(NETWORK_BOUNDS.edges + 1);

  const areas = db
    .selectDistinct({ area: group.area })
    .from(group)
    .orderBy(asc(group.area))
    .limit(NETWORK_BOUNDS.nodes);

  const membersInView = subquery
    .select({ n: count() })
    .from(groupMembership)
    .innerJoin(individual, eq(individual.id, groupMembership.individualId))
    .where(and(eq(groupMembership.groupId, group.id), currentMembership(), individualScope(actor)));
  const groupsWhere = (where: SQL | undefined) =>
    db
      .select({
        id: group.id,
        name: group.name,
        area: group.area,
        status: group.status,
        currentMembers: sql<number>`(${membersInView})::int`,
      })
      .from(group)
      .where(where)
      // When the picture is cut: the area's own groups first, then the active, the dormant
      // and the dissolved.
      .orderBy(
        ...(area ? [asc(ne(group.area, area))] : []),
        asc(group.status),
        asc(group.name),
        asc(group.id),
      )
      .limit(NETWORK_BOUNDS.nodes + 1);

  // Without an area every group is a node, read beside the edges; with one, the groups at
  // the edges' far ends are known only once the edges are, so the groups come after them.
  const [pairs, allied, areaRows, groupRows] = area
    ? await Promise.all([conflictPairs, alliances, areas]).then(async ([p, a, r]) => {
        const ends = new Set([...p, ...a].flatMap((e) => [e.groupAId, e.groupBId]));
        const where = ends.size
          ? or(eq(group.area, area), inArray(group.id, [...ends]))
          : eq(group.area, area);
        return [p, a, r, await groupsWhere(where)] as const;
      })
    : await Promise.all([conflictPairs, alliances, areas, groupsWhere(undefined)]);

  const nodes = groupRows
    .slice(0, NETWORK_BOUNDS.nodes)
    .map((g) => ({ ...g, outside: area !== undefined && g.area !== area }));
  const shown = new Set(nodes.map((n) => n.id));
  const edges: NetworkEdge[] = [
    ...pairs.map((p) => ({ kind: "conflict" as const, ...p })),
    ...allied.map((a) => ({ kind: "alliance" as const, ...a })),
  ];
  // An edge is drawn only between groups the picture holds.
  const drawn = edges.filter((e) => shown.has(e.groupAId) && shown.has(e.groupBId));
  return {
    nodes,
    edges: drawn.slice(0, NETWORK_BOUNDS.edges),
    areas: areaRows.map((r) => r.area),
    truncated:
      groupRows.length > NETWORK_BOUNDS.nodes ||
      drawn.length > NETWORK_BOUNDS.edges ||
      pairs.length > NETWORK_BOUNDS.edges ||
      allied.length > NETWORK_BOUNDS.edges,
  };
}
