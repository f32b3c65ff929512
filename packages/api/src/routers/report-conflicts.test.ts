/**
 * The conflicts and people report against a real PostgreSQL with the demo data: each period's
 * conflicts by status against a direct reading of their histories, and on a small fixture of
 * this test's own, in districts of its own, figures worked out by hand: conflicts recorded and
 * changed at known moments, and people of known status, risk, category and review date (a
 * pending one counted nowhere), with the agency filter. Exports: internal and external, logged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "@truce/db";
import { programmeToday } from "@truce/db/programme-calendar";
import { accessLog, conflict, conflictChange, conflictParty, group } from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import { callerFor, claimsFor } from "../test-actors";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const manager = async () =>
  callerFor(demo.db, await claimsFor(demo.db, "police.manager@truce.example"));

/** The day `days` days from today, on the programme's calendar. */
function fromToday(days: number): string {
  const at = new Date(`${programmeToday()}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

describe("report.conflicts on the demo data", () => {
  it("gives each period's conflicts by the status each had at its end, as their histories say", async () => {
    const report = await (
      await manager()
    ).report.conflicts({ from: "2018-01-01", to: "2020-05-19", granularity: "quarter" });
    expect(report.periods).toHaveLength(10);
    const direct = await demo.ownerDb.execute<{ last_day: string; status: string; n: number }>(sql`
      with ends as (
        select d::date as last_day from unnest(array[${sql.join(
          report.periods.map((p) => sql`${p.lastDay}`),
          sql`, `,
        )}]::date[]) as d
      )
      select e.last_day::text, latest.status, count(*)::int as n
      from ends e
      cross join lateral (
        select distinct on (c.conflict_id) c.conflict_id, c.status from conflict_change c
        where c.changed_at < ((e.last_day + 1)::timestamp at time zone 'Europe/Stockholm')
        order by c.conflict_id, c.changed_at desc, c.id desc
      ) latest
      group by 1, 2`);
    for (const p of report.periods) {
      const expected = Object.fromEntries(
        direct.filter((row) => row.last_day === p.lastDay).map((row) => [row.status, row.n]),
      );
      for (const [status, n] of Object.entries(p.byStatus)) {
        expect(n, `${p.lastDay} ${status}`).toBe(expected[status] ?? 0);
      }
    }
    expect(report.periods.at(-1)!.conflicts).toBeGreaterThan(0);
    expect(report.programmeStartedOn).toBe("2018-10-01");
  });
});

describe("report.conflicts' filters, on a fixture of its own", () => {
  const district = `Conflictby ${uniqueTag()}`;
  const police = () => demo.agencyIds.police!;
  const social = () => demo.agencyIds.social_services!;

  beforeAll(async () => {
    // Two groups of the district in two conflicts: one recorded latent on 10 January 2021,
    // active from 20 February, resolved at 23:30 UTC on 31 March (1 April in Stockholm);
    // one recorded escalating on 5 March 2021.
    const [a, b] = await demo.ownerDb
      .insert(group)
      .values([
        { name: `Conflict group A ${uniqueTag()}`, area: district },
        { name: `Conflict group B ${uniqueTag()}`, area: district },
      ])
      .returning({ id: group.id });
    const [first, second] = await demo.ownerDb
      .insert(conflict)
      .values([
        { title: `Fixture conflict one ${uniqueTag()}`, status: "resolved" },
        { title: `Fixture conflict two ${uniqueTag()}`, status: "escalating" },
      ])
      .returning({ id: conflict.id });
    await demo.ownerDb.insert(conflictParty).values([
      { conflictId: first!.id, groupId: a!.id, side: "A" },
      { conflictId: first!.id, groupId: b!.id, side: "B" },
      { conflictId: second!.id, groupId: a!.id, side: "A" },
    ]);
    await demo.ownerDb.insert(conflictChange).values([
      {
        conflictId: first!.id,
        status: "latent",
        riskLevel: "medium",
        changedAt: new Date("2021-01-10T10:00:00Z"),
      },
      {
        conflictId: first!.id,
        status: "active",
        riskLevel: "high",
        previousStatus: "latent",
        previousRiskLevel: "medium",
        changedAt: new Date("2021-02-20T10:00:00Z"),
      },
      {
        conflictId: first!.id,
        status: "resolved",
        riskLevel: "low",
        previousStatus: "active",
        previousRiskLevel: "high",
        changedAt: new Date("2021-03-31T22:30:00Z"),
      },
      {
        conflictId: second!.id,
        status: "escalating",
        riskLevel: "high",
        changedAt: new Date("2021-03-05T10:00:00Z"),
      },
    ]);
    // People of the district: reviews overdue, due in five days and later; a pending one.
    const person = (values: Parameters<typeof createTestIndividual>[1]) =>
      createTestIndividual(demo.ownerDb, { district, ...values });
    await person({
      registeringAgencyId: police(),
      status: "active",
      riskLevel: "high",
      category: "group_member",
      reviewDue: fromToday(-1),
    });
    await person({
      registeringAgencyId: police(),
      status: "active",
      riskLevel: "critical",
      category: "group_member",
      reviewDue: fromToday(5),
    });
    await person({
      registeringAgencyId: police(),
      status: "in_exit_process",
      riskLevel: "high",
      category: "associate",
      reviewDue: fromToday(100),
    });
    await person({
      registeringAgencyId: social(),
      status: "relocated",
      riskLevel: "low",
      category: "victim",
      reviewDue: fromToday(0),
    });
    await person({
      registeringAgencyId: police(),
      registrationStatus: "pending",
      reviewDue: fromToday(-10),
    });
  });

  it("counts the district's conflicts by status at each month's end, and those opened and resolved", async () => {
    const report = await (
      await manager()
    ).report.conflicts({ from: "2021-01-01", to: "2021-04-30", granularity: "month", district });
    expect(
      report.periods.map((p) => [
        p.period,
        p.byStatus.latent,
        p.byStatus.active,
        p.byStatus.escalating,
        p.byStatus.resolved,
        p.conflicts,
        p.opened,
        p.resolved,
      ]),
    ).toEqual([
      ["2021-01-01", 1, 0, 0, 0, 1, 1, 0],
      ["2021-02-01", 0, 1, 0, 0, 1, 0, 0],
      ["2021-03-01", 0, 1, 1, 0, 2, 1, 0],
      ["2021-04-01", 0, 0, 1, 1, 2, 0, 1],
    ]);
    // From February on: the conflict recorded before the report is counted from its start.
    const later = await (
      await manager()
    ).report.conflicts({ from: "2021-02-15", to: "2021-03-31", granularity: "quarter", district });
    expect(
      later.periods.map((p) => [
        p.firstDay,
        p.lastDay,
        p.byStatus.active,
        p.byStatus.escalating,
        p.opened,
      ]),
    ).toEqual([["2021-02-15", "2021-03-31", 1, 1, 1]]);
  });

  it("counts a change on a report's first month's days before it as before the report", async () => {
    const columns = (
      report: Awaited<ReturnType<Awaited<ReturnType<typeof manager>>["report"]["conflicts"]>>,
    ) =>
      report.periods.map((p) => [
        p.firstDay,
        p.lastDay,
        p.byStatus.latent,
        p.byStatus.active,
        p.byStatus.escalating,
        p.byStatus.resolved,
        p.opened,
        p.resolved,
      ]);
    // 21 February to 4 March, no whole month in it: active since the 20th, nothing in it.
    const days = await (
      await manager()
    ).report.conflicts({ from: "2021-02-21", to: "2021-03-04", granularity: "month", district });
    expect(columns(days)).toEqual([
      ["2021-02-21", "2021-02-28", 0, 1, 0, 0, 0, 0],
      ["2021-03-01", "2021-03-04", 0, 1, 0, 0, 0, 0],
    ]);
    // From 21 February to the end of April: March and April whole, the 20th still before.
    const months = await (
      await manager()
    ).report.conflicts({ from: "2021-02-21", to: "2021-04-30", granularity: "month", district });
    expect(columns(months)).toEqual([
      ["2021-02-21", "2021-02-28", 0, 1, 0, 0, 0, 0],
      ["2021-03-01", "2021-03-31", 0, 1, 1, 0, 1, 0],
      ["2021-04-01", "2021-04-30", 0, 0, 1, 1, 0, 1],
    ]);
  });

  it("counts the district's register today by status, risk and category, with its reviews; the pending person nowhere", async () => {
    const report = await (
      await manager()
    ).report.conflicts({ from: "2021-01-01", to: "2021-12-31", district });
    expect(report.today).toBe(programmeToday());
    expect(report.people.people).toBe(4);
    const active = report.people.byStatus.find((row) => row.status === "active")!;
    expect(active).toMatchObject({ people: 2, byRisk: { high: 1, critical: 1, low: 0 } });
    expect(report.people.byRisk).toEqual({ low: 1, medium: 0, high: 2, critical: 1 });
    expect(report.people.byCategory).toEqual({
      group_member: 2,
      associate: 1,
      victim: 1,
      witness: 0,
    });
    // Overdue: yesterday's. Due soon: today's and in five days.
    expect(report.reviews).toEqual({ overdue: 1, dueSoon: 2 });
    expect(report.agencies.map((a) => [a.agencyId, a.people, a.overdue, a.dueSoon]).sort()).toEqual(
      [
        [police(), 3, 1, 1],
        [social(), 1, 0, 1],
      ].sort(),
    );
  });

  it("counts only the registering agency asked for, and leaves the conflicts whole", async () => {
    const report = await (
      await manager()
    ).report.conflicts({ from: "2021-03-01", to: "2021-03-31", district, agencyId: social() });
    expect(report.people.people).toBe(1);
    expect(report.people.byCategory.victim).toBe(1);
    expect(report.periods.map((p) => p.conflicts)).toEqual([2]);
  });

  it("gives an unknown district nothing but zeros", async () => {
    const report = await (
      await manager()
    ).report.conflicts({
      from: "2021-01-01",
      to: "2021-06-30",
      district: `Nowhere ${uniqueTag()}`,
    });
    expect(report.periods.every((p) => p.conflicts === 0)).toBe(true);
    expect(report.people.people).toBe(0);
    expect(report.reviews).toEqual({ overdue: 0, dueSoon: 0 });
    expect(report.agencies).toEqual([]);
  });

  it("exports the tables: as they are, and for outside with small counts and their sums hidden, each logged", async () => {
    const caller = await manager();
    const input = { from: "2021-01-01", to: "2021-04-30", granularity: "month" as const, district };
    const internal = await caller.report.exportConflicts({ ...input, audience: "internal" });
    expect(internal.periods.map((p) => p.conflicts)).toEqual([1, 1, 2, 2]);
    expect(internal.people.people).toBe(4);
    const external = await caller.report.exportConflicts({ ...input, audience: "external" });
    expect(external.periods.map((p) => p.conflicts)).toEqual(["<5", "<5", "<5", "<5"]);
    expect(external.people.people).toBe("<5");
    expect(external.reviews).toEqual({ overdue: "<5", dueSoon: "<5" });
    expect(external.people.byStatus.find((row) => row.status === "exited")!.people).toBe(0);
    const logged = await demo.ownerDb
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, "export"), eq(accessLog.entityId, "conflictsAndPeople")))
      .orderBy(desc(accessLog.id))
      .limit(2);
    expect(logged.map((row) => row.detail)).toEqual([
      { audience: "external", filters: input },
      { audience: "internal", filters: input },
    ]);
  });
});
