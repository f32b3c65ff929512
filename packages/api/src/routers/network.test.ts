/**
 * The network picture, against a real PostgreSQL with the demo data: one edge per pair of
 * groups on two sides of a conflict, the alliances in force (the ended ones only when asked),
 * the status and area filters, each group's current members as the actor may see them, the
 * roles that may not ask, and as many statements for a large picture as for a small one.
 * Each test seeds groups of an area of its own, and reads that area.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@truce/db";
import { alliance, conflict, conflictParty, group, groupMembership } from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import type { WebRouterOutputs } from "../index";
import { callerFor, claimsFor, settle } from "../test-actors";
import { NETWORK_BOUNDS } from "../services/network/schemas";
import { statementCounter, type StatementCounter } from "../test-statements";

type Graph = WebRouterOutputs["network"]["graph"];

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const as = async (email: string, db: Db = demo.db) =>
  callerFor(db, await claimsFor(demo.db, email));
const police = () => as("police.staff@truce.example");

/** Groups of an area no other test uses, named after it. */
async function groupsIn(area: string, names: string[], status?: "dormant" | "dissolved") {
  return demo.ownerDb
    .insert(group)
    .values(names.map((name) => ({ name: `${name} ${area}`, area, ...(status && { status }) })))
    .returning({ id: group.id, name: group.name });
}

/** A conflict between groups: each side a list of group ids. */
async function conflictBetween(
  sides: Record<string, string[]>,
  values: Partial<typeof conflict.$inferInsert> = {},
) {
  const [created] = await demo.ownerDb
    .insert(conflict)
    .values({ title: `Feud ${uniqueTag()}`, ...values })
    .returning({ id: conflict.id, title: conflict.title });
  await demo.ownerDb
    .insert(conflictParty)
    .values(
      Object.entries(sides).flatMap(([side, ids]) =>
        ids.map((groupId) => ({ conflictId: created!.id, groupId, side })),
      ),
    );
  return created!;
}

async function allianceOf(groupAId: string, groupBId: string, toOn: string | null = null) {
  const [created] = await demo.ownerDb
    .insert(alliance)
    .values({ groupAId, groupBId, fromOn: "2023-01-01", toOn })
    .returning({ id: alliance.id });
  return created!;
}

const conflictEdges = (graph: Graph) =>
  graph.edges.flatMap((e) => (e.kind === "conflict" ? [e] : []));
const allianceEdges = (graph: Graph) =>
  graph.edges.flatMap((e) => (e.kind === "alliance" ? [e] : []));
const pair = (e: { groupAId: string; groupBId: string }) => [e.groupAId, e.groupBId].sort();

describe("network.graph", () => {
  it("draws one edge per pair of groups on different sides of a conflict", async () => {
    const area = `Trepart ${uniqueTag()}`;
    const [a1, a2, b] = await groupsIn(area, ["North", "East", "South"]);
    const feud = await conflictBetween(
      { A: [a1!.id, a2!.id], B: [b!.id] },
      { status: "escalating", riskLevel: "critical" },
    );
    // An individual on a side of their own draws nothing: people are not in the picture.
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
    });
    await demo.ownerDb
      .insert(conflictParty)
      .values({ conflictId: feud.id, individualId: person.id, side: "C" });

    const graph = await (await police()).network.graph({ area });
    const edges = conflictEdges(graph);
    expect(edges).toHaveLength(2);
    expect(edges.map(pair).sort()).toEqual(
      [
        pair({ groupAId: a1!.id, groupBId: b!.id }),
        pair({ groupAId: a2!.id, groupBId: b!.id }),
      ].sort(),
    );
    for (const edge of edges) {
      expect(edge).toEqual({
        kind: "conflict",
        conflictId: feud.id,
        groupAId: expect.any(String),
        groupBId: expect.any(String),
        title: feud.title,
        status: "escalating",
        riskLevel: "critical",
      });
    }
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([a1!.id, a2!.id, b!.id].sort());
    expect(await (await police()).network.areas()).toContain(area);
    expect(graph.truncated).toBe(false);
  });

  it("draws the alliances in force, and the ended ones only when asked", async () => {
    const area = `Allians ${uniqueTag()}`;
    const [a, b, c] = await groupsIn(area, ["Red", "Blue", "Green"]);
    const open = await allianceOf(a!.id, b!.id);
    const ended = await allianceOf(b!.id, c!.id, "2024-06-30");
    const caller = await police();

    const inForce = allianceEdges(await caller.network.graph({ area }));
    expect(inForce).toEqual([
      {
        kind: "alliance",
        allianceId: open.id,
        groupAId: a!.id,
        groupBId: b!.id,
        fromOn: "2023-01-01",
        toOn: null,
        ended: false,
      },
    ]);

    const all = allianceEdges(await caller.network.graph({ area, includeEndedAlliances: true }));
    expect(all.map((e) => [e.allianceId, e.ended])).toEqual([
      [open.id, false],
      [ended.id, true],
    ]);
    expect(all[1]).toMatchObject({ toOn: "2024-06-30" });

    const none = await caller.network.graph({ area, includeAlliances: false });
    expect(none.edges).toEqual([]);
    // The groups are there still: a picture without edges is still the area's groups.
    expect(none.nodes).toHaveLength(3);
  });

  it("shows conflicts by status: every one but the resolved unless asked otherwise", async () => {
    const area = `Status ${uniqueTag()}`;
    const [a, b, c, d] = await groupsIn(area, ["One", "Two", "Three", "Four"]);
    const latent = await conflictBetween({ A: [a!.id], B: [b!.id] }, { status: "latent" });
    const resolved = await conflictBetween(
      { A: [c!.id], B: [d!.id] },
      { status: "resolved", resolvedOn: "2024-01-31" },
    );
    const caller = await police();
    const shown = async (input: Parameters<typeof caller.network.graph>[0]) =>
      conflictEdges(await caller.network.graph({ area, ...input })).map((e) => e.conflictId);

    expect(await shown({})).toEqual([latent.id]);
    expect(await shown({ conflictStatuses: ["resolved"] })).toEqual([resolved.id]);
    expect(await shown({ conflictStatuses: ["active", "escalating"] })).toEqual([]);
    expect((await shown({ conflictStatuses: ["latent", "resolved"] })).sort()).toEqual(
      [latent.id, resolved.id].sort(),
    );
    expect(await shown({ conflictStatuses: [] })).toEqual([]);
  });

  it("with an area: its groups and their edges, the far ends marked outside, nothing else", async () => {
    const tag = uniqueTag();
    const [home, homeAlly] = await groupsIn(`Home ${tag}`, ["Local", "Neighbour"]);
    const [rival, unrelated] = await groupsIn(`Away ${tag}`, ["Rival", "Unrelated"]);
    const [friend] = await groupsIn(`Third ${tag}`, ["Friend"]);
    const across = await conflictBetween({ A: [home!.id], B: [rival!.id] });
    // Between two groups elsewhere: not in the picture of the home area.
    await conflictBetween({ A: [rival!.id], B: [unrelated!.id] });
    const allied = await allianceOf(friend!.id, homeAlly!.id);

    const graph = await (await police()).network.graph({ area: `Home ${tag}` });
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect([...byId.keys()].sort()).toEqual([home!.id, homeAlly!.id, rival!.id, friend!.id].sort());
    expect(byId.get(home!.id)).toMatchObject({ area: `Home ${tag}`, outside: false });
    expect(byId.get(homeAlly!.id)).toMatchObject({ outside: false });
    expect(byId.get(rival!.id)).toMatchObject({ area: `Away ${tag}`, outside: true });
    expect(byId.get(friend!.id)).toMatchObject({ area: `Third ${tag}`, outside: true });
    expect(conflictEdges(graph).map((e) => e.conflictId)).toEqual([across.id]);
    expect(allianceEdges(graph).map((e) => e.allianceId)).toEqual([allied.id]);
    // The area filter offers every area, in order.
    const areas = await (await police()).network.areas();
    expect(areas).toEqual(expect.arrayContaining([`Home ${tag}`, `Away ${tag}`, `Third ${tag}`]));
    expect(areas).toEqual([...areas].sort());

    // Without an area, no group is outside and every group is a node.
    const whole = await (await police()).network.graph({});
    expect(whole.nodes.every((n) => !n.outside)).toBe(true);
    expect(whole.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([unrelated!.id]));
  });

  it("counts each group's current members, as the actor may see them", async () => {
    const area = `Members ${uniqueTag()}`;
    const [crew] = await groupsIn(area, ["Crew"]);
    const [quiet] = await groupsIn(area, ["Quiet"], "dormant");
    const police = demo.agencyIds.police!;
    const social = demo.agencyIds.social_services!;
    const people = await Promise.all([
      createTestIndividual(demo.ownerDb, { registeringAgencyId: police }),
      createTestIndividual(demo.ownerDb, { registeringAgencyId: social }),
      createTestIndividual(demo.ownerDb, { registeringAgencyId: police }),
      createTestIndividual(demo.ownerDb, { registeringAgencyId: police }),
      // Pending: the social services alone see them, so they alone count them.
      createTestIndividual(demo.ownerDb, {
        registeringAgencyId: social,
        registrationStatus: "pending",
      }),
    ]);
    const [current, noDates, ended, future, pending] = people;
    await demo.ownerDb.insert(groupMembership).values([
      { individualId: current!.id, groupId: crew!.id, affiliation: "core", fromOn: "2022-01-01" },
      { individualId: noDates!.id, groupId: crew!.id, affiliation: "member" },
      {
        individualId: ended!.id,
        groupId: crew!.id,
        affiliation: "member",
        fromOn: "2020-01-01",
        toOn: "2021-01-01",
      },
      {
        individualId: future!.id,
        groupId: crew!.id,
        affiliation: "associate",
        fromOn: "2999-01-01",
      },
      { individualId: pending!.id, groupId: crew!.id, affiliation: "member" },
    ]);

    const membersAs = async (email: string) => {
      const graph = await (await as(email)).network.graph({ area });
      return Object.fromEntries(graph.nodes.map((n) => [n.id, [n.status, n.currentMembers]]));
    };
    expect(await membersAs("police.staff@truce.example")).toEqual({
      [crew!.id]: ["active", 2],
      [quiet!.id]: ["dormant", 0],
    });
    expect(await membersAs("social.staff@truce.example")).toEqual({
      [crew!.id]: ["active", 3],
      [quiet!.id]: ["dormant", 0],
    });
  });

  it("returns only names, areas, statuses, titles, dates and counts", async () => {
    const area = `Fields ${uniqueTag()}`;
    const [a, b] = await demo.ownerDb
      .insert(group)
      .values([
        { name: `Described ${area}`, area, description: "Sells in the square; armed." },
        { name: `Other ${area}`, area },
      ])
      .returning({ id: group.id });
    await conflictBetween({ A: [a!.id], B: [b!.id] }, { description: "Began over a debt." });
    await demo.ownerDb
      .insert(alliance)
      .values({ groupAId: a!.id, groupBId: b!.id, note: "Share a stash flat." });
    const graph = await (await police()).network.graph({ area });
    const text = JSON.stringify(graph);
    for (const content of ["Sells in the square", "Began over a debt", "Share a stash flat"]) {
      expect(text).not.toContain(content);
    }
    expect(Object.keys(graph.nodes[0]!).sort()).toEqual(
      ["area", "currentMembers", "id", "name", "outside", "status"].sort(),
    );
  });

  it("is cut at its bounds of groups and edges, keeping the groups of the most dangerous conflicts, and says so", async () => {
    const { nodes, edges } = NETWORK_BOUNDS;
    const area = `Bounds ${uniqueTag()}`;
    const groups = await groupsIn(
      area,
      Array.from({ length: nodes + 1 }, (_, k) => `B${String(k).padStart(4, "0")}`),
    );
    // More pairs than the edges' bound in one conflict of low risk: a sides × b sides pairs.
    const a = Math.ceil(Math.sqrt(edges)) + 1;
    await conflictBetween(
      { A: groups.slice(0, a).map((g) => g.id), B: groups.slice(a, 2 * a).map((g) => g.id) },
      { riskLevel: "low" },
    );
    // And one of high risk between two groups whose names sort last: they are kept first.
    const [last, nextToLast] = [groups[nodes]!, groups[nodes - 1]!];
    const dangerous = await conflictBetween(
      { A: [last.id], B: [nextToLast.id] },
      { riskLevel: "high" },
    );
    const graph = await (await police()).network.graph({ area });
    expect(graph.truncated).toBe(true);
    expect(graph.nodes).toHaveLength(nodes);
    expect(graph.edges).toHaveLength(edges);
    expect(graph.edges[0]).toMatchObject({ kind: "conflict", conflictId: dangerous.id });
    const shown = new Set(graph.nodes.map((n) => n.id));
    expect(shown.has(last.id) && shown.has(nextToLast.id)).toBe(true);
    expect(graph.edges.every((e) => shown.has(e.groupAId) && shown.has(e.groupBId))).toBe(true);
  });

  it("draws the alliances between the groups it holds when the conflicts' groups fill it", async () => {
    const { nodes } = NETWORK_BOUNDS;
    const area = `Full ${uniqueTag()}`;
    // More groups at the ends of conflicts than the picture holds: a conflict per pair.
    const fighting = await groupsIn(
      area,
      Array.from({ length: nodes + 2 }, (_, k) => `F${String(k).padStart(4, "0")}`),
    );
    for (let k = 0; k < fighting.length; k += 2) {
      await conflictBetween(
        { A: [fighting[k]!.id], B: [fighting[k + 1]!.id] },
        // The first two conflicts first, so that their groups are surely in the picture.
        { riskLevel: k < 4 ? "critical" : "high" },
      );
    }
    // More alliances than the edges' bound among groups of no conflict, all begun later than
    // the one between two fighting groups.
    const others = await groupsIn(
      area,
      Array.from({ length: NETWORK_BOUNDS.edges + 2 }, (_, k) => `O${String(k).padStart(4, "0")}`),
    );
    await demo.ownerDb.insert(alliance).values(
      others.slice(1).map((other, k) => ({
        groupAId: others[k]!.id,
        groupBId: other.id,
        fromOn: "2024-01-01",
      })),
    );
    const [first, second] = [fighting[0]!, fighting[2]!];
    await demo.ownerDb
      .insert(alliance)
      .values({ groupAId: first.id, groupBId: second.id, fromOn: "2000-01-01" });
    const graph = await (await police()).network.graph({ area });
    expect(graph.truncated).toBe(true);
    expect(graph.nodes).toHaveLength(nodes);
    const shown = new Set(graph.nodes.map((n) => n.id));
    expect(shown.has(first.id) && shown.has(second.id)).toBe(true);
    expect(allianceEdges(graph).map(pair)).toEqual([[first.id, second.id].sort()]);
    expect(conflictEdges(graph)).toHaveLength(nodes / 2);
  });

  it("is refused to an auditor and an agency admin", async () => {
    for (const email of ["auditor@truce.example", "agency.admin@truce.example"]) {
      for (const app of ["web", "admin"] as const) {
        const caller = await callerFor(demo.db, await claimsFor(demo.db, email, app));
        expect(await settle(caller.network.graph({})), `${email} (${app})`).toMatchObject({
          ok: false,
          code: "FORBIDDEN",
        });
      }
    }
  });
});

describe("the statements of the picture", () => {
  let counter: StatementCounter;
  beforeAll(() => {
    counter = statementCounter(demo.appUrl);
  });
  afterAll(async () => {
    await counter?.close();
  });

  it("are as many for a picture of 2 groups as for one of 40 with 60 edges, and at most 5", async () => {
    const small = `Small ${uniqueTag()}`;
    const [s1, s2] = await groupsIn(small, ["A", "B"]);
    await conflictBetween({ A: [s1!.id], B: [s2!.id] });

    const large = `Large ${uniqueTag()}`;
    const groups = await groupsIn(
      large,
      Array.from({ length: 40 }, (_, k) => `G${k}`),
    );
    for (let k = 0; k < 20; k++) {
      await conflictBetween({
        A: [groups[k]!.id, groups[k + 20]!.id],
        B: [groups[(k + 1) % 20]!.id],
      });
    }
    await demo.ownerDb.insert(alliance).values(
      Array.from({ length: 20 }, (_, k) => ({
        groupAId: groups[k]!.id,
        groupBId: groups[k + 20]!.id,
      })),
    );
    await demo.ownerDb.insert(groupMembership).values(
      await Promise.all(
        groups.map(async (g) => ({
          individualId: (
            await createTestIndividual(demo.ownerDb, {
              registeringAgencyId: demo.agencyIds.police!,
            })
          ).id,
          groupId: g.id,
          affiliation: "member" as const,
        })),
      ),
    );

    const caller = await as("police.staff@truce.example", counter.db);
    const { statementsOf } = counter;
    const largeGraph = await caller.network.graph({ area: large });
    expect(largeGraph.nodes).toHaveLength(40);
    expect(largeGraph.edges).toHaveLength(60);
    const counts = {
      small: await statementsOf(() => caller.network.graph({ area: small })),
      large: await statementsOf(() => caller.network.graph({ area: large })),
      whole: await statementsOf(() => caller.network.graph({})),
    };
    expect(counts.large).toBe(counts.small);
    // One fewer when the edges' groups are more than the picture holds (no others are looked
    // for), as the whole register's may be.
    expect(counts.whole).toBeLessThanOrEqual(counts.small);
    expect(counts.whole).toBeGreaterThanOrEqual(counts.small - 1);
    // The areas, the conflict pairs, the alliances, the groups at their ends and the others,
    // each with their member counts.
    expect(counts.small).toBeLessThanOrEqual(5);
  });
});
