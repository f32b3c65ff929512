/**
 * The exit funnel's table follows the case records: each person's first day at each step, by
 * any agency and by each, kept by triggers as interventions, their participants, outcomes and
 * the person change, and never written by the app's role. Against the demo on a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import {
  createTestIndividual,
  refusal,
  rowsApart,
  startDemoDatabase,
  type DemoDatabase,
} from "../testing";
import { individual } from "./individual";
import { individualMilestone } from "./individual-milestone";
import { intervention, interventionParticipant } from "./intervention";
import { outcome } from "./outcome";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

/** The rows that differ between the table and what its source says it should hold. */
function drift(): Promise<number> {
  return rowsApart(
    demo.ownerDb,
    sql`select individual_id, step, agency_id, first_on, district, approved from individual_milestone`,
    sql`select * from individual_milestone_source`,
  );
}

/** A person's rows as [step, agency, first day], agency "any" for the row of any agency. */
async function milestonesOf(id: string) {
  const rows = await demo.ownerDb
    .select()
    .from(individualMilestone)
    .where(eq(individualMilestone.individualId, id));
  return rows
    .map((r) => [r.step, r.agencyId === null ? "any" : r.agencyId, r.firstOn] as const)
    .sort(byStepAndAgency);
}

const byStepAndAgency = (a: readonly string[], b: readonly string[]) =>
  `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`);

describe("individual_milestone", () => {
  it("holds what its source says for the whole demo, seeded through the triggers", async () => {
    expect(await drift()).toBe(0);
    const [row] = await demo.ownerDb.execute<{ n: number }>(sql`
      select count(*)::int as n from individual_milestone
      where step = 'took_steps' and agency_id is null and approved`);
    expect(row!.n).toBe(30);
  });

  it("follows a call-in, its cancellation and move, an outcome, and the person's district", async () => {
    const police = demo.agencyIds.police!;
    const exit = demo.agencyIds.exit_programme!;
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: police,
      district: "Milestoneby",
    });
    const [callIn] = await demo.ownerDb
      .insert(intervention)
      .values({
        kind: "call_in",
        status: "done",
        leadAgencyId: police,
        occurredAt: new Date("2022-03-10T23:30:00Z"),
      })
      .returning({ id: intervention.id });
    await demo.ownerDb.insert(interventionParticipant).values({
      interventionId: callIn!.id,
      individualId: person.id,
      response: "accepted_support",
    });
    // 23:30 UTC on 10 March is 00:30 on 11 March in Stockholm.
    expect(await milestonesOf(person.id)).toEqual(
      [
        ["accepted_support", "any", "2022-03-11"],
        ["accepted_support", police, "2022-03-11"],
        ["reached", "any", "2022-03-11"],
        ["reached", police, "2022-03-11"],
      ].sort(byStepAndAgency),
    );
    await demo.ownerDb.insert(outcome).values([
      {
        individualId: person.id,
        kind: "relocated",
        occurredAt: "2022-05-01",
        recordingAgencyId: exit,
      },
      {
        individualId: person.id,
        kind: "changed_situation_at_home",
        occurredAt: "2022-04-01",
        recordingAgencyId: exit,
      },
    ]);
    const later = await milestonesOf(person.id);
    expect(later).toContainEqual(["relocated_or_changed", "any", "2022-04-01"]);
    expect(later).toContainEqual(["relocated", exit, "2022-05-01"]);
    // Moved to another day, then cancelled: the call-in's steps move, then go.
    await demo.ownerDb
      .update(intervention)
      .set({ occurredAt: new Date("2022-02-01T10:00:00Z") })
      .where(eq(intervention.id, callIn!.id));
    expect(await milestonesOf(person.id)).toContainEqual(["reached", "any", "2022-02-01"]);
    await demo.ownerDb
      .update(intervention)
      .set({ status: "cancelled" })
      .where(eq(intervention.id, callIn!.id));
    expect((await milestonesOf(person.id)).map((m) => m[0])).not.toContain("reached");
    await demo.ownerDb
      .update(individual)
      .set({ district: "Elsewhere" })
      .where(eq(individual.id, person.id));
    const moved = await demo.ownerDb
      .select({ district: individualMilestone.district })
      .from(individualMilestone)
      .where(eq(individualMilestone.individualId, person.id));
    expect(new Set(moved.map((m) => m.district))).toEqual(new Set(["Elsewhere"]));
    await demo.ownerDb
      .delete(outcome)
      .where(and(eq(outcome.individualId, person.id), eq(outcome.kind, "relocated")));
    expect((await milestonesOf(person.id)).map((m) => m[0])).not.toContain("relocated");
    expect(await drift()).toBe(0);
  });

  it("marks a pending registration's rows as not approved, and its approval approves them", async () => {
    const police = demo.agencyIds.police!;
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: police,
      registrationStatus: "pending",
    });
    await demo.ownerDb.insert(outcome).values({
      individualId: person.id,
      kind: "took_steps_to_leave",
      occurredAt: "2022-01-01",
      recordingAgencyId: police,
    });
    const approved = async () =>
      (
        await demo.ownerDb
          .select({ approved: individualMilestone.approved })
          .from(individualMilestone)
          .where(eq(individualMilestone.individualId, person.id))
      ).map((r) => r.approved);
    expect(await approved()).toEqual([false, false]);
    await demo.ownerDb
      .update(individual)
      .set({ registrationStatus: "approved", approvedAt: new Date() })
      .where(eq(individual.id, person.id));
    expect(await approved()).toEqual([true, true]);
  });

  it("is the app's to read, not to write", async () => {
    await expect(demo.db.select().from(individualMilestone).limit(1)).resolves.toHaveLength(1);
    expect(await refusal(demo.db.execute(sql`delete from individual_milestone`))).toMatch(
      /permission denied for table individual_milestone/,
    );
    expect(
      await refusal(demo.db.execute(sql`update individual_milestone set approved = true`)),
    ).toMatch(/permission denied for table individual_milestone/);
  });

  it("is rebuilt whole to the same rows", async () => {
    await demo.ownerDb.execute(sql`select rebuild_individual_milestones()`);
    expect(await drift()).toBe(0);
  });
});
