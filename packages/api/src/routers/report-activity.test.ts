/**
 * The activity report against a real PostgreSQL with the demo data: the programme's 12 trials
 * of spring 2020, whole months and the days at their ends against a direct count, and each
 * filter (a district, a lead agency, a period that cuts a month, an empty period, quarters) on
 * a small fixture of this test's own, against figures worked out by hand. Exports: the
 * internal table as the report, the external one with small counts and their sums hidden,
 * each logged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "@truce/db";
import { accessLog, group, intervention, interventionParticipant } from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import type { WebRouterOutputs } from "../index";
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

type Report = WebRouterOutputs["report"]["activity"];
/** A report's periods as [first day, last day, interventions]. */
const periodsOf = (report: Report) =>
  report.periods.map((p) => [p.firstDay, p.lastDay, p.interventions]);

describe("report.activity on the demo data", () => {
  it("counts the programme's 12 trials started or held in spring 2020: 4 prosecutions, 8 trials", async () => {
    const report = await (
      await manager()
    ).report.activity({ from: "2020-03-01", to: "2020-05-31", granularity: "quarter" });
    expect(report.total.trials).toBe(12);
    expect(report.total.byEnforcement).toMatchObject({ prosecution: 4, trial: 8 });
    expect(report.periods.map((p) => [p.period, p.firstDay, p.lastDay])).toEqual([
      ["2020-01-01", "2020-03-01", "2020-03-31"],
      ["2020-04-01", "2020-04-01", "2020-05-31"],
    ]);
    expect(report.periods.map((p) => p.trials).reduce((a, b) => a + b)).toBe(12);
    expect(report.programmeStartedOn).toBe("2018-10-01");
  });

  it("counts each period's done interventions as a direct count does, whole months and the days at their ends", async () => {
    const caller = await manager();
    for (const [from, to] of [
      ["2018-10-01", "2020-05-19"],
      ["2019-11-15", "2020-02-10"],
      ["2019-06-03", "2019-06-20"],
    ] as const) {
      const report = await caller.report.activity({ from, to, granularity: "month" });
      const direct = await demo.ownerDb.execute<{
        first_day: string;
        n: number;
        people: number;
      }>(sql`
        select greatest(date_trunc('month', (i.occurred_at at time zone 'Europe/Stockholm'))::date, ${from}::date)::text as first_day,
          count(*)::int as n,
          coalesce(sum((select count(*) from intervention_participant p
            join individual ind on ind.id = p.individual_id and ind.registration_status = 'approved'
            where p.intervention_id = i.id and i.kind = 'call_in'
              and p.response in ('attended', 'accepted_support', 'refused_support'))), 0)::int as people
        from intervention i
        where i.status = 'done'
          and (i.occurred_at at time zone 'Europe/Stockholm')::date between ${from}::date and ${to}::date
        group by 1 order by 1`);
      const counted = new Map(direct.map((row) => [row.first_day, row]));
      expect(report.periods.map((p) => [p.firstDay, p.interventions, p.people])).toEqual(
        report.periods.map((p) => [
          p.firstDay,
          counted.get(p.firstDay)?.n ?? 0,
          counted.get(p.firstDay)?.people ?? 0,
        ]),
      );
      expect(report.total.interventions).toBe(direct.reduce((sum, row) => sum + row.n, 0));
    }
  });

  it("gives the same whole in years, quarters and months, and by agency", async () => {
    const caller = await manager();
    const input = { from: "2018-01-01", to: "2019-12-31" };
    const [years, quarters, months] = await Promise.all([
      caller.report.activity({ ...input, granularity: "year" }),
      caller.report.activity({ ...input, granularity: "quarter" }),
      caller.report.activity({ ...input, granularity: "month" }),
    ]);
    expect(years.periods).toHaveLength(2);
    expect(quarters.periods).toHaveLength(8);
    expect(months.periods).toHaveLength(24);
    expect(quarters.total).toEqual(years.total);
    expect(months.total).toEqual(years.total);
    expect(years.total.interventions).toBeGreaterThan(0);
    expect(years.agencies.reduce((sum, a) => sum + a.interventions, 0)).toBe(
      years.total.interventions,
    );
  });
});

describe("report.activity's filters, on a fixture of its own", () => {
  const district = `Activityby ${uniqueTag()}`;
  const groupArea = `Grouparea ${uniqueTag()}`;
  // In the district: two people who came to a police call-in on 10 March 2021 and one who did
  // not, a pending one who came (counted nowhere); a planned and a cancelled call-in (not
  // done); a prosecution at 22:30 UTC on 30 April (1 May in Stockholm); a social services
  // home visit in June. In the group's area: a search with no one named.
  beforeAll(async () => {
    const { police, prosecution, social_services: social } = demo.agencyIds;
    const person = (status: "approved" | "pending" = "approved") =>
      createTestIndividual(demo.ownerDb, {
        registeringAgencyId: police!,
        district,
        registrationStatus: status,
      });
    const [a, b, c, pending] = [
      await person(),
      await person(),
      await person(),
      await person("pending"),
    ];
    const [someGroup] = await demo.ownerDb
      .insert(group)
      .values({ name: `Activity group ${uniqueTag()}`, area: groupArea })
      .returning({ id: group.id });
    const add = async (
      values: typeof intervention.$inferInsert,
      participants: Array<{ id: string; response?: "attended" | "no_show" }> = [],
    ) => {
      const [row] = await demo.ownerDb
        .insert(intervention)
        .values(values)
        .returning({ id: intervention.id });
      for (const p of participants) {
        await demo.ownerDb.insert(interventionParticipant).values({
          interventionId: row!.id,
          individualId: p.id,
          response: p.response ?? null,
        });
      }
    };
    await add(
      {
        kind: "call_in",
        status: "done",
        leadAgencyId: police!,
        occurredAt: new Date("2021-03-10T17:00:00Z"),
      },
      [
        { id: a.id, response: "attended" },
        { id: b.id, response: "attended" },
        { id: c.id, response: "no_show" },
        { id: pending.id, response: "attended" },
      ],
    );
    await add(
      {
        kind: "call_in",
        status: "planned",
        leadAgencyId: police!,
        occurredAt: new Date("2021-03-20T17:00:00Z"),
      },
      [{ id: a.id }],
    );
    await add(
      {
        kind: "call_in",
        status: "cancelled",
        leadAgencyId: police!,
        occurredAt: new Date("2021-04-20T17:00:00Z"),
      },
      [{ id: a.id }],
    );
    await add(
      {
        kind: "enforcement",
        enforcementKind: "prosecution",
        status: "done",
        leadAgencyId: prosecution!,
        occurredAt: new Date("2021-04-30T22:30:00Z"),
      },
      [{ id: c.id }],
    );
    await add(
      {
        kind: "home_visit",
        status: "done",
        leadAgencyId: social!,
        occurredAt: new Date("2021-06-15T09:00:00Z"),
      },
      [{ id: b.id }],
    );
    await add({
      kind: "enforcement",
      enforcementKind: "search",
      status: "done",
      leadAgencyId: police!,
      groupId: someGroup!.id,
      occurredAt: new Date("2021-05-05T06:00:00Z"),
    });
  });

  it("counts a district's months by hand: the call-in and its two who came, the prosecution on 1 May, the home visit", async () => {
    const report = await (
      await manager()
    ).report.activity({ from: "2021-03-01", to: "2021-06-30", granularity: "month", district });
    expect(
      report.periods.map((p) => [p.period, p.interventions, p.byKind.call_in, p.people, p.trials]),
    ).toEqual([
      ["2021-03-01", 1, 1, 2, 0],
      ["2021-04-01", 0, 0, 0, 0],
      ["2021-05-01", 1, 0, 0, 1],
      ["2021-06-01", 1, 0, 0, 0],
    ]);
    expect(report.periods[2]!.byEnforcement).toMatchObject({ prosecution: 1, search: 0 });
    expect(report.total).toMatchObject({ interventions: 3, people: 2, trials: 1 });
    expect(report.total.byKind).toMatchObject({ call_in: 1, enforcement: 1, home_visit: 1 });
    expect(report.agencies.map((a) => [a.agencyId, a.interventions]).sort()).toEqual(
      [
        [demo.agencyIds.police, 1],
        [demo.agencyIds.prosecution, 1],
        [demo.agencyIds.social_services, 1],
      ].sort(),
    );
  });

  it("counts a group's search in the group's area, though it names no one", async () => {
    const report = await (
      await manager()
    ).report.activity({ from: "2021-05-01", to: "2021-05-31", district: groupArea });
    expect(report.total.byEnforcement).toMatchObject({ search: 1, prosecution: 0 });
    expect(report.total.interventions).toBe(1);
  });

  it("counts only the lead agency asked for", async () => {
    const report = await (
      await manager()
    ).report.activity({
      from: "2021-03-01",
      to: "2021-06-30",
      granularity: "quarter",
      district,
      agencyId: demo.agencyIds.police!,
    });
    expect(periodsOf(report)).toEqual([
      ["2021-03-01", "2021-03-31", 1],
      ["2021-04-01", "2021-06-30", 0],
    ]);
    expect(report.agencies.map((a) => a.agencyId)).toEqual([demo.agencyIds.police]);
  });

  it("cuts a month at the period's days: from 11 March the call-in is out, to 30 April the prosecution", async () => {
    const report = await (
      await manager()
    ).report.activity({ from: "2021-03-11", to: "2021-04-30", granularity: "quarter", district });
    expect(periodsOf(report)).toEqual([
      ["2021-03-11", "2021-03-31", 0],
      ["2021-04-01", "2021-04-30", 0],
    ]);
    const may = await (
      await manager()
    ).report.activity({ from: "2021-05-01", to: "2021-05-01", district });
    expect(may.total.trials).toBe(1);
  });

  it("gives an empty period its zeros", async () => {
    const report = await (
      await manager()
    ).report.activity({ from: "2021-07-01", to: "2021-12-31", granularity: "month", district });
    expect(report.periods).toHaveLength(6);
    expect(report.periods.every((p) => p.interventions === 0 && p.people === 0)).toBe(true);
    expect(report.agencies).toEqual([]);
  });

  it("exports the district's table: as it is, and for outside with its small counts hidden, each logged", async () => {
    const caller = await manager();
    const input = { from: "2021-03-01", to: "2021-06-30", granularity: "month" as const, district };
    const report = await caller.report.activity(input);
    const internal = await caller.report.exportActivity({ ...input, audience: "internal" });
    expect(internal.rows.map((r) => r.interventions)).toEqual(
      report.periods.map((p) => p.interventions),
    );
    expect(internal.total.trials).toBe(1);
    const external = await caller.report.exportActivity({ ...input, audience: "external" });
    expect(external.rows.map((r) => [r.byKind.call_in, r.people, r.interventions])).toEqual([
      ["<5", "<5", "<5"],
      [0, 0, 0],
      [0, 0, "<5"],
      [0, 0, "<5"],
    ]);
    expect(external.total.interventions).toBe("<5");
    expect(external.agencies.map((a) => a.interventions)).toEqual(["<5", "<5", "<5"]);
    const logged = await demo.ownerDb
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, "export"), eq(accessLog.entityId, "activity")))
      .orderBy(desc(accessLog.id))
      .limit(2);
    expect(logged.map((row) => row.detail)).toEqual([
      { audience: "external", filters: input },
      { audience: "internal", filters: input },
    ]);
  });

  it("refuses days out of order and a period over 30 years, with the rule's message", async () => {
    const caller = await manager();
    await expect(
      caller.report.activity({ from: "2021-02-01", to: "2021-01-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.report.activity({ from: "1980-01-01", to: "2020-01-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
