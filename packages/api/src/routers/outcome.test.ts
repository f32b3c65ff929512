/**
 * Outcomes against a real PostgreSQL with the demo data: a milestone recorded as the actor's
 * agency, the person's status following it in the same transaction from the version seen (a
 * stale version refuses the whole, the outcome included), the refusals, the access log, and
 * the outcome in the person's timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, gt, sql } from "@truce/db";
import { accessLog, individual, outcome } from "@truce/db/schema";
import { createTestIndividual, startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { statusAfterOutcome } from "../services/outcome/schemas";
import { callerFor, claimsFor } from "../test-actors";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const as = async (email: string) => callerFor(demo.db, await claimsFor(demo.db, email));
const police = () => as("police.staff@truce.example");

async function lastLogId(): Promise<number> {
  const [row] = await demo.db
    .select({ id: sql<number>`coalesce(max(${accessLog.id}), 0)::int` })
    .from(accessLog);
  return row!.id;
}

const logSince = (afterId: number) =>
  demo.db.select().from(accessLog).where(gt(accessLog.id, afterId)).orderBy(asc(accessLog.id));

/** A person of the test's own, approved (the programme sees them) unless it says otherwise. */
async function person(options: Partial<typeof individual.$inferInsert> = {}) {
  return createTestIndividual(demo.ownerDb, {
    registeringAgencyId: demo.agencyIds.police!,
    ...options,
  });
}

async function record(id: string) {
  const [row] = await demo.db
    .select({ status: individual.status, version: individual.version })
    .from(individual)
    .where(eq(individual.id, id));
  return row!;
}

const outcomesOf = (id: string) =>
  demo.db.select().from(outcome).where(eq(outcome.individualId, id));

describe("outcome.create", () => {
  it.each([
    ["relocated", "relocated"],
    ["left_criminal_context", "exited"],
    ["imprisoned", "incarcerated"],
    ["deceased", "deceased"],
    ["took_steps_to_leave", "in_exit_process"],
  ] as const)(
    "records %s and moves an active person to %s from the version seen",
    async (kind, status) => {
      const { id } = await person();
      const result = await (
        await police()
      ).outcome.create({
        individualId: id,
        version: 1,
        kind,
        occurredAt: "2026-03-01",
        note: "Recorded at the follow-up meeting.",
      });
      expect(result.individual).toEqual({ id, status, version: 2 });
      expect(await record(id)).toEqual({ status, version: 2 });
      const [written] = await outcomesOf(id);
      expect(written).toMatchObject({
        id: result.id,
        kind,
        occurredAt: "2026-03-01",
        note: "Recorded at the follow-up meeting.",
        recordingAgencyId: demo.agencyIds.police,
      });
    },
  );

  it("leaves the status of a kind that does not move it, and of a person already past active", async () => {
    const { id } = await person();
    const caller = await police();
    const employed = await caller.outcome.create({
      individualId: id,
      version: 1,
      kind: "employed",
      occurredAt: "2026-03-01",
    });
    expect(employed.individual).toEqual({ id, status: "active", version: 1 });
    const exited = await person({ status: "exited" });
    const steps = await caller.outcome.create({
      individualId: exited.id,
      version: 1,
      kind: "took_steps_to_leave",
      occurredAt: "2026-03-01",
      note: "",
    });
    expect(steps.individual).toMatchObject({ status: "exited", version: 1 });
    expect(await record(exited.id)).toEqual({ status: "exited", version: 1 });
    const [written] = await outcomesOf(exited.id);
    expect(written!.note).toBeNull();
  });

  it("keeps death final: no later outcome moves a deceased person's status", () => {
    expect(statusAfterOutcome("relocated", "deceased")).toBeNull();
    expect(statusAfterOutcome("imprisoned", "incarcerated")).toBeNull();
    expect(statusAfterOutcome("took_steps_to_leave", "in_exit_process")).toBeNull();
    expect(statusAfterOutcome("left_criminal_context", "in_exit_process")).toBe("exited");
  });

  it("writes no outcome and no status when the person changed meanwhile (stale version)", async () => {
    const { id } = await person();
    const caller = await police();
    await caller.individual.setStatus({ id, version: 1, status: "in_exit_process" });
    const before = await lastLogId();
    await expect(
      caller.outcome.create({
        individualId: id,
        version: 1,
        kind: "relocated",
        occurredAt: "2026-03-01",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.individual.stale" });
    expect(await outcomesOf(id)).toEqual([]);
    expect(await record(id)).toEqual({ status: "in_exit_process", version: 2 });
    expect(await logSince(before)).toEqual([]);
  });

  it("logs the outcome and the status change, with the fields' names and not the note", async () => {
    const { id } = await person();
    const before = await lastLogId();
    const { id: outcomeId } = await (
      await police()
    ).outcome.create({
      individualId: id,
      version: 1,
      kind: "relocated",
      occurredAt: "2026-03-01",
      note: "Moved to a safe address in the north.",
    });
    const rows = await logSince(before);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: "update",
          entityType: "individual",
          entityId: id,
          fields: ["status"],
          detail: { status: "relocated" },
        }),
        expect.objectContaining({
          action: "create",
          entityType: "outcome",
          entityId: outcomeId,
          fields: ["kind", "occurredAt", "note"],
          detail: { individualId: id, kind: "relocated" },
        }),
      ]),
    );
    expect(JSON.stringify(rows)).not.toContain("safe address");
  });

  it("shows in the person's timeline, for another agency too", async () => {
    const { id } = await person();
    const { id: outcomeId } = await (
      await police()
    ).outcome.create({
      individualId: id,
      version: 1,
      kind: "imprisoned",
      occurredAt: "2026-02-10",
    });
    const timeline = await (
      await as("exit.staff@truce.example")
    ).individual.timeline({ individualId: id });
    expect(timeline.items).toContainEqual(
      expect.objectContaining({
        kind: "outcome",
        id: outcomeId,
        outcomeKind: "imprisoned",
        occurredAt: "2026-02-10",
        recordingAgencyName: expect.any(String),
      }),
    );
  });

  it("treats another agency's pending registration as not found, and writes nothing", async () => {
    const { id } = await person({ registrationStatus: "pending" });
    const social = await as("social.staff@truce.example");
    await expect(
      social.outcome.create({
        individualId: id,
        version: 1,
        kind: "deceased",
        occurredAt: "2026-03-01",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "apiErrors.individual.notFound" });
    expect(await outcomesOf(id)).toEqual([]);
    expect(await record(id)).toEqual({ status: "active", version: 1 });
  });

  it("refuses a day in the future and a kind not in the list as bad input", async () => {
    const { id } = await person();
    const caller = await police();
    await expect(
      caller.outcome.create({
        individualId: id,
        version: 1,
        kind: "relocated",
        occurredAt: "2999-01-01",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.outcome.create({
        individualId: id,
        version: 1,
        // @ts-expect-error: not a kind of outcome
        kind: "moved_abroad",
        occurredAt: "2026-01-01",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await outcomesOf(id)).toEqual([]);
  });

  it("refuses roles without case work", async () => {
    const { id } = await person();
    const input = {
      individualId: id,
      version: 1,
      kind: "relocated",
      occurredAt: "2026-03-01",
    } as const;
    await expect((await callerFor(demo.db, null)).outcome.create(input)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const auditor = callerFor(demo.db, await claimsFor(demo.db, "auditor@truce.example", "admin"));
    await expect((await auditor).outcome.create(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await outcomesOf(id)).toEqual([]);
  });
});
