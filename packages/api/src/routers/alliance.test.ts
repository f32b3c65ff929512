/**
 * The alliances' procedures, against a real PostgreSQL with the demo data: the list, those in
 * force first; recording two groups as allied (a second alliance in force between the same two
 * refused, whichever is named first); ending one from the version seen, on a day not before
 * its start, once; each change in the access log with the names of its fields.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, gt, sql } from "@truce/db";
import { accessLog, alliance, group } from "@truce/db/schema";
import { startDemoDatabase, uniqueTag, type DemoDatabase } from "@truce/db/testing";
import { callerFor, claimsFor, settle, userIdOf } from "../test-actors";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const POLICE = "police.staff@truce.example";
const as = async (email: string, app: "web" | "admin" = "web") =>
  callerFor(demo.db, await claimsFor(demo.db, email, app));

async function lastLogId(): Promise<number> {
  const [row] = await demo.db
    .select({ id: sql<number>`coalesce(max(${accessLog.id}), 0)::int` })
    .from(accessLog);
  return row!.id;
}

async function logFor(afterId: number, entityId: string) {
  return demo.db
    .select()
    .from(accessLog)
    .where(gt(accessLog.id, afterId))
    .orderBy(accessLog.id)
    .then((rows) => rows.filter((r) => r.entityId === entityId));
}

async function twoGroups(): Promise<[string, string]> {
  const tag = uniqueTag();
  const rows = await demo.ownerDb
    .insert(group)
    .values([
      { name: `Östra ${tag}`, area: "Testby" },
      { name: `Västra ${tag}`, area: "Testby" },
    ])
    .returning({ id: group.id });
  return [rows[0]!.id, rows[1]!.id];
}

describe("alliance.create", () => {
  it("records two groups as allied, and the change in the access log", async () => {
    const [a, b] = await twoGroups();
    const caller = await as(POLICE);
    const before = await lastLogId();
    const created = await caller.alliance.create({
      groupAId: a,
      groupBId: b,
      fromOn: "2024-02-01",
      note: "Seen together at the square.",
    });
    expect(created.version).toBe(1);
    const [row] = await demo.db.select().from(alliance).where(eq(alliance.id, created.id));
    expect(row).toMatchObject({
      groupAId: a,
      groupBId: b,
      fromOn: "2024-02-01",
      toOn: null,
      note: "Seen together at the square.",
      createdById: await userIdOf(demo.db, POLICE),
    });
    expect(await logFor(before, created.id)).toEqual([
      expect.objectContaining({
        action: "create",
        entityType: "alliance",
        fields: ["groupAId", "groupBId", "fromOn", "note"],
      }),
    ]);
  });

  it("refuses a second alliance in force between the same two groups, whichever is named first", async () => {
    const [a, b] = await twoGroups();
    const caller = await as(POLICE);
    const first = await caller.alliance.create({ groupAId: a, groupBId: b });
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      await expect(caller.alliance.create({ groupAId: x, groupBId: y })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "apiErrors.alliance.alreadyAllied",
      });
    }
    // Once it has ended, the two may be allied again.
    await caller.alliance.end({ id: first.id, version: 1, toOn: "2025-01-31" });
    await expect(caller.alliance.create({ groupAId: b, groupBId: a })).resolves.toMatchObject({
      version: 1,
    });
  });

  it("refuses two at once: one is recorded, the other refused with the message", async () => {
    const [a, b] = await twoGroups();
    const caller = await as(POLICE);
    const results = await Promise.all([
      settle(caller.alliance.create({ groupAId: a, groupBId: b })),
      settle(caller.alliance.create({ groupAId: b, groupBId: a })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "BAD_REQUEST" }]);
  });

  it("refuses the same group twice, a group not recorded, and roles without case work", async () => {
    const [a] = await twoGroups();
    const caller = await as(POLICE);
    await expect(caller.alliance.create({ groupAId: a, groupBId: a })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.alliance.create({ groupAId: a, groupBId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [b] = await twoGroups();
    for (const email of ["agency.admin@truce.example", "auditor@truce.example"]) {
      const other = await as(email, "admin");
      await expect(other.alliance.create({ groupAId: a, groupBId: b })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(other.alliance.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("alliance.end", () => {
  it("ends an alliance from the version seen, once, on a day not before its start", async () => {
    const [a, b] = await twoGroups();
    const caller = await as(POLICE);
    const { id } = await caller.alliance.create({ groupAId: a, groupBId: b, fromOn: "2024-02-01" });
    await expect(caller.alliance.end({ id, version: 1, toOn: "2024-01-31" })).rejects.toMatchObject(
      { code: "BAD_REQUEST", message: "apiErrors.alliance.endBeforeStart" },
    );
    await expect(caller.alliance.end({ id, version: 2, toOn: "2024-06-30" })).rejects.toMatchObject(
      { code: "CONFLICT", message: "apiErrors.alliance.stale" },
    );
    const before = await lastLogId();
    expect(await caller.alliance.end({ id, version: 1, toOn: "2024-06-30" })).toEqual({
      id,
      toOn: "2024-06-30",
      version: 2,
    });
    expect(await logFor(before, id)).toEqual([
      expect.objectContaining({ action: "update", entityType: "alliance", fields: ["toOn"] }),
    ]);
    await expect(caller.alliance.end({ id, version: 2, toOn: "2024-07-31" })).rejects.toMatchObject(
      { code: "BAD_REQUEST", message: "apiErrors.alliance.alreadyEnded" },
    );
    await expect(
      caller.alliance.end({ id: crypto.randomUUID(), version: 1, toOn: "2024-07-31" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A day to come is not a last day yet.
    await expect(caller.alliance.end({ id, version: 2, toOn: "2999-01-01" })).rejects.toMatchObject(
      { code: "BAD_REQUEST" },
    );
  });
});

describe("alliance.list", () => {
  it("lists those in force first, each with both groups' names, of one group when asked", async () => {
    const [a, b] = await twoGroups();
    const [c] = await twoGroups();
    const caller = await as(POLICE);
    const open = await caller.alliance.create({ groupAId: a, groupBId: b, fromOn: "2020-01-01" });
    const ended = await caller.alliance.create({ groupAId: c, groupBId: a, fromOn: "2024-01-01" });
    await caller.alliance.end({ id: ended.id, version: 1, toOn: "2024-03-01" });
    const ofA = await caller.alliance.list({ groupId: a });
    expect(ofA.total).toBe(2);
    expect(ofA.items.map((i) => [i.id, i.inForce])).toEqual([
      [open.id, true],
      [ended.id, false],
    ]);
    const [first] = ofA.items;
    expect(first!.groupA.id).toBe(a);
    expect(first!.groupB.name).toMatch(/^Västra/);
    const all = await caller.alliance.list({ pageSize: 100 });
    const inForce = all.items.map((i) => i.inForce);
    expect(inForce).toEqual([...inForce].sort((x, y) => Number(y) - Number(x)));
  });
});
