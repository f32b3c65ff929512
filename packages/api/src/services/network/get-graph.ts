import {
  alias,
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  notInArray,
  or,
  sql,
  type SQL,
} from "@truce/db";
import { alliance, conflict, conflictParty, group, groupMembership } from "@truce/db/schema";
import { individualsOutOfScope } from "../../policy";
import type { ServiceContext } from "../context";
import { constantLimit } from "../constant-limit";
import { idIn, idNotIn } from "../id-list";
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
  /** More groups or edges matched than the bounds hold; the most pressing are kept. */
  truncated: boolean;
}

/** An alliance in force today (an end date of today still counts), or one with no end. */
const allianceInForce = or(isNull(alliance.toOn), gte(alliance.toOn, sql`current_date`)) as SQL;

/**
 * The network picture: groups, the conflicts between them and their alliances, in at most
 * four statements whatever the size (the conflict pairs, the alliances, the other
 * groups that fill the picture if the edges leave room, and the groups' rows with their
 * member counts), none of them per group or per edge.
 *
 * Groups and conflicts are the register's core, shared across the programme (DOMAIN.md,
 * "Visibility"), so there is no agency scope beyond the action's roles. Individuals are not
 * part of the picture: an individual's side in a conflict is left out, and no name, note,
 * description or reason of anyone is read. The one thing derived from people is each group's
 * member count, and it counts only those the actor may see in the register
 * (`individualsOutOfScope`, the complement of `individualScope`), so another agency's pending registration does not show even as a
 * number.
 *
 * The edges come first, the most pressing first (conflicts by risk, walking
 * `conflict_risk_order_idx` to the bound; alliances in force, the latest begun first), and
 * the groups are those at their ends in that order, up to the bound: beyond it, the picture
 * keeps the groups of the most dangerous conflicts rather than the first names of the
 * alphabet, and when the conflicts' groups fill it, the alliances between them. Room left is filled with the other groups (active, dormant, then dissolved; by
 * name), so a small programme sees every group, those without an edge as well.
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
  // and so never pair. The conflicts are walked in the order of their index (risk, then the
  // latest begun), each one's parties found by its key, until the bound; the groups' own rows
  // are joined only to filter by area.
  const pairsQuery = db
    .select({
      conflictId: conflict.id,
      groupAId: sql<string>`${partyA.groupId}`,
      groupBId: sql<string>`${partyB.groupId}`,
      title: conflict.title,
      status: conflict.status,
      riskLevel: conflict.riskLevel,
    })
    .from(conflict)
    .innerJoin(partyA, and(eq(partyA.conflictId, conflict.id), isNotNull(partyA.groupId)))
    .innerJoin(
      partyB,
      and(
        eq(partyB.conflictId, partyA.conflictId),
        ne(partyB.side, partyA.side),
        lt(partyA.groupId, partyB.groupId),
      ),
    )
    .$dynamic();
  const conflictPairs =
    input.conflictStatuses.length === 0
      ? Promise.resolve([])
      : (area
          ? pairsQuery
              .innerJoin(groupA, eq(groupA.id, partyA.groupId))
              .innerJoin(groupB, eq(groupB.id, partyB.groupId))
          : pairsQuery
        )
          .where(and(inArray(conflict.status, input.conflictStatuses), eitherEndInArea))
          // The most dangerous kept first when the picture is cut (the index's order).
          .orderBy(
            sql`${conflict.riskLevel} desc nulls last`,
            sql`${conflict.startedOn} desc nulls last`,
            asc(conflict.id),
            asc(partyA.groupId),
            asc(partyB.groupId),
          )
          .limit(constantLimit(NETWORK_BOUNDS.edges + 1));
  const alliancesQuery = db
    .select({
      allianceId: alliance.id,
      groupAId: alliance.groupAId,
      groupBId: alliance.groupBId,
      fromOn: alliance.fromOn,
      toOn: alliance.toOn,
      ended: sql<boolean>`not ${allianceInForce}`,
    })
    .from(alliance)
    .$dynamic();
  const pairs = await conflictPairs;
  // The groups at the conflicts' ends, in the order of the edges.
  const pairEnds = [...new Set(pairs.flatMap((e) => [e.groupAId, e.groupBId]))];
  // When they fill the picture, an alliance is drawn only between two of them, and only
  // those are read: the alliances in force at national scale are a thousand, and the 201
  // read before drew none.
  const full = pairEnds.length >= NETWORK_BOUNDS.nodes;
  const heldByConflicts = pairEnds.slice(0, NETWORK_BOUNDS.nodes);
  const allied = !input.includeAlliances
    ? []
    : await (
        area
          ? alliancesQuery
              .innerJoin(groupA, eq(groupA.id, alliance.groupAId))
              .innerJoin(groupB, eq(groupB.id, alliance.groupBId))
          : alliancesQuery
      )
        .where(
          and(
            input.includeEndedAlliances ? undefined : allianceInForce,
            eitherEndInArea,
            full ? idIn(alliance.groupAId, heldByConflicts) : undefined,
            full ? idIn(alliance.groupBId, heldByConflicts) : undefined,
          ),
        )
        // Those in force first, then the latest begun.
        .orderBy(desc(allianceInForce), sql`${alliance.fromOn} desc nulls last`, asc(alliance.id))
        .limit(constantLimit(NETWORK_BOUNDS.edges + 1));
  // The groups at the edges' ends, in the order of the edges, as many as the picture holds.
  const ends = [...new Set([...pairEnds, ...allied.flatMap((e) => [e.groupAId, e.groupBId])])];
  const chosen = ends.slice(0, NETWORK_BOUNDS.nodes);
  const room = NETWORK_BOUNDS.nodes - chosen.length;
  // The other groups (the area's, with one), one more than the room to know if it is cut: a
  // walk of `group_network_order_idx` to the limit; none when the edges' ends are more than
  // the picture holds (it is cut already).
  const fill =
    ends.length > NETWORK_BOUNDS.nodes
      ? []
      : await db
          .select({ id: group.id })
          .from(group)
          .where(and(area ? eq(group.area, area) : undefined, idNotIn(group.id, chosen)))
          .orderBy(asc(group.status), asc(group.name), asc(group.id))
          .limit(room + 1);
  const ids = [...chosen, ...fill.slice(0, room).map((g) => g.id)];
  // Each group's current members in one aggregate over group_membership_group_id_idx, the
  // people out of the actor's scope left out by their ids: a NOT IN at the top of the
  // aggregate, so PostgreSQL reads those few ids once and hashes them. Joining the register
  // probed it once per member (5,000 probes, 22 ms at national scale), and the same NOT IN in
  // a count per group was read again for every group when the plan did not hash it (224 ms).
  const members = db
    .select({ groupId: groupMembership.groupId, n: count().as("n") })
    .from(groupMembership)
    .where(
      and(
        idIn(groupMembership.groupId, ids),
        currentMembership(),
        notInArray(groupMembership.individualId, individualsOutOfScope(actor)),
      ),
    )
    .groupBy(groupMembership.groupId)
    .as("members");
  const nodeRows = await db
    .select({
      id: group.id,
      name: group.name,
      area: group.area,
      status: group.status,
      currentMembers: sql<number>`coalesce(${members.n}, 0)::int`,
    })
    .from(group)
    .leftJoin(members, eq(members.groupId, group.id))
    .where(idIn(group.id, ids));
  const byId = new Map(nodeRows.map((g) => [g.id, g]));
  const groupRows = ids.flatMap((id) => byId.get(id) ?? []);
  const nodes = groupRows.map((g) => ({ ...g, outside: area !== undefined && g.area !== area }));
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
    truncated:
      ends.length > NETWORK_BOUNDS.nodes ||
      fill.length > room ||
      drawn.length > NETWORK_BOUNDS.edges ||
      pairs.length > NETWORK_BOUNDS.edges ||
      allied.length > NETWORK_BOUNDS.edges,
  };
}
