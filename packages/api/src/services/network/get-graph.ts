import {
  alias,
  and,
  asc,
  builtOnce,
  desc,
  eq,
  gte,
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
import { individualsOutOfScope, scopeAgencyId } from "../../policy";
import type { ServiceContext } from "../context";
import { constantLimit } from "../constant-limit";
import { enumIn, idIn, idNotIn } from "../id-list";
import { jsonRows } from "../json-rows";
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

// The picture's statements, each built once for its shape (`builtOnce`) and run with the
// request's values: the area, the statuses and the lists of groups are placeholders.
type AreaShape = "all" | "area";
const groupA = alias(group, "group_a");
const groupB = alias(group, "group_b");
const eitherEndInArea = or(
  eq(groupA.area, sql.placeholder("area")),
  eq(groupB.area, sql.placeholder("area")),
);
const partyA = alias(conflictParty, "party_a");
const partyB = alias(conflictParty, "party_b");

/**
 * Each pair of groups once (the lower id first) on different sides of the same conflict:
 * two groups on side A and one on side B are two edges. Individuals' rows have no group id
 * and so never pair. The conflicts are walked in the order of their index (risk, then the
 * latest begun), each one's parties found by its key, until the bound; the groups' own rows
 * are joined only to filter by area. The pairs come back as one JSON value (`jsonRows`).
 */
const pairsStatement = builtOnce((db, shape: AreaShape) => {
  const pairs = db
    .select({
      conflictId: sql<string>`${conflict.id}`.as("conflict_id"),
      groupAId: sql<string>`${partyA.groupId}`.as("group_a_id"),
      groupBId: sql<string>`${partyB.groupId}`.as("group_b_id"),
      title: conflict.title,
      status: conflict.status,
      riskLevel: conflict.riskLevel,
      startedOn: conflict.startedOn,
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
  const pair = (
    shape === "area"
      ? pairs
          .innerJoin(groupA, eq(groupA.id, partyA.groupId))
          .innerJoin(groupB, eq(groupB.id, partyB.groupId))
      : pairs
  )
    .where(
      and(
        enumIn(conflict.status, sql.placeholder("statuses")),
        shape === "area" ? eitherEndInArea : undefined,
      ),
    )
    // The most dangerous kept first when the picture is cut (the index's order).
    .orderBy(
      sql`${conflict.riskLevel} desc nulls last`,
      sql`${conflict.startedOn} desc nulls last`,
      asc(conflict.id),
      asc(partyA.groupId),
      asc(partyB.groupId),
    )
    .limit(constantLimit(NETWORK_BOUNDS.edges + 1))
    .as("pair");
  return db
    .select({
      rows: jsonRows(
        {
          conflictId: pair.conflictId,
          groupAId: pair.groupAId,
          groupBId: pair.groupBId,
          title: pair.title,
          status: pair.status,
          riskLevel: pair.riskLevel,
        },
        // The subquery's order, which the aggregate does not keep by itself.
        [
          sql`${pair.riskLevel} desc nulls last`,
          sql`${pair.startedOn} desc nulls last`,
          asc(pair.conflictId),
          asc(pair.groupAId),
          asc(pair.groupBId),
        ],
      ),
    })
    .from(pair)
    .prepare("network_pairs");
});

type AllianceShape = `${"in_force" | "ended_too"} ${AreaShape} ${"any" | "held"}`;

/**
 * The alliances, those in force first, then the latest begun; with `held`, only those
 * between two of the groups given (the conflicts' ends, when they fill the picture).
 */
const alliancesStatement = builtOnce((db, shape: AllianceShape) => {
  const [which, area, ends] = shape.split(" ");
  const alliances = db
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
  const held = sql.placeholder("held");
  return (
    area === "area"
      ? alliances
          .innerJoin(groupA, eq(groupA.id, alliance.groupAId))
          .innerJoin(groupB, eq(groupB.id, alliance.groupBId))
      : alliances
  )
    .where(
      and(
        which === "in_force" ? allianceInForce : undefined,
        area === "area" ? eitherEndInArea : undefined,
        ends === "held" ? idIn(alliance.groupAId, held) : undefined,
        ends === "held" ? idIn(alliance.groupBId, held) : undefined,
      ),
    )
    .orderBy(desc(allianceInForce), sql`${alliance.fromOn} desc nulls last`, asc(alliance.id))
    .limit(constantLimit(NETWORK_BOUNDS.edges + 1))
    .prepare("network_alliances");
});

/**
 * The other groups (the area's, with one) but those chosen, up to a limit: a walk of
 * `group_network_order_idx` (active, dormant, then dissolved; by name).
 */
const fillStatement = builtOnce((db, shape: AreaShape) =>
  db
    .select({ id: group.id })
    .from(group)
    .where(
      and(
        shape === "area" ? eq(group.area, sql.placeholder("area")) : undefined,
        idNotIn(group.id, sql.placeholder("chosen")),
      ),
    )
    .orderBy(asc(group.status), asc(group.name), asc(group.id))
    .limit(sql.placeholder("limit"))
    .prepare("network_fill"),
);

/**
 * The groups given, each with its current members: a count over
 * group_membership_group_id_idx (the index alone) per group, the people out of the actor's
 * scope left out by their ids, a NOT IN that PostgreSQL reads once
 * (individual_pending_agency_idx) and hashes. Joining the register instead probed it once per
 * member (5,000 probes, 22 ms at national scale). The ids are one parameter, and the plan is
 * the same for any list of them, so PostgreSQL keeps the statement's generic plan instead of
 * planning it for its 200 ids on every request. In no order: the caller puts them in its own.
 */
const nodesStatement = builtOnce((db, _shape: "ids") => {
  const currentMembers = db
    .select({ n: sql<number>`count(*)::int` })
    .from(groupMembership)
    .where(
      and(
        eq(groupMembership.groupId, group.id),
        currentMembership(),
        notInArray(
          groupMembership.individualId,
          individualsOutOfScope(sql.placeholder("agencyId")),
        ),
      ),
    );
  return db
    .select({
      rows: jsonRows({
        id: group.id,
        name: group.name,
        area: group.area,
        status: group.status,
        currentMembers: sql<number>`(${currentMembers})`,
      }),
    })
    .from(group)
    .where(idIn(group.id, sql.placeholder("ids")))
    .prepare("network_nodes");
});

/**
 * The network picture: groups, the conflicts between them and their alliances, in at most
 * four statements whatever the size (the conflict pairs, the alliances, the other
 * groups that fill the picture if the edges leave room, and the groups' rows with their
 * member counts), none of them per group or per edge, each built once (`builtOnce`) and the
 * long ones read back as one JSON value (`jsonRows`).
 *
 * Groups and conflicts are the register's core, shared across the programme (DOMAIN.md,
 * "Visibility"), so there is no agency scope beyond the action's roles. Individuals are not
 * part of the picture: an individual's side in a conflict is left out, and no name, note,
 * description or reason of anyone is read. The one thing derived from people is each group's
 * member count, and it counts only those the actor may see in the register
 * (`individualsOutOfScope`, the complement of `individualScope`), so another agency's
 * pending registration does not show even as a number.
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
  const areaShape: AreaShape = area === undefined ? "all" : "area";
  // Refused before any read for an actor without an agency, whose scope has none.
  const agencyId = scopeAgencyId(actor);
  // An aggregate is one row, with no rows as with many.
  const pairs =
    input.conflictStatuses.length === 0
      ? []
      : (
          await pairsStatement(db, areaShape).execute({
            statuses: input.conflictStatuses,
            area,
          })
        )[0]!.rows;
  // The groups at the conflicts' ends, in the order of the edges.
  const pairEnds = [...new Set(pairs.flatMap((e) => [e.groupAId, e.groupBId]))];
  // When they fill the picture, an alliance is drawn only between two of them, and only
  // those are read: the alliances in force at national scale are a thousand, and the 201
  // read before drew none.
  const full = pairEnds.length >= NETWORK_BOUNDS.nodes;
  const allied = !input.includeAlliances
    ? []
    : await alliancesStatement(
        db,
        `${input.includeEndedAlliances ? "ended_too" : "in_force"} ${areaShape} ${full ? "held" : "any"}`,
      ).execute({ area, held: pairEnds.slice(0, NETWORK_BOUNDS.nodes) });
  // The groups at the edges' ends, in the order of the edges, as many as the picture holds.
  const ends = [...new Set([...pairEnds, ...allied.flatMap((e) => [e.groupAId, e.groupBId])])];
  const chosen = ends.slice(0, NETWORK_BOUNDS.nodes);
  const room = NETWORK_BOUNDS.nodes - chosen.length;
  // The other groups, one more than the room to know if it is cut; none when the edges'
  // ends are more than the picture holds (it is cut already).
  const fill =
    ends.length > NETWORK_BOUNDS.nodes
      ? []
      : await fillStatement(db, areaShape).execute({ area, chosen, limit: room + 1 });
  const ids = [...chosen, ...fill.slice(0, room).map((g) => g.id)];
  const nodeRows = (await nodesStatement(db, "ids").execute({ ids, agencyId }))[0]!.rows;
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
