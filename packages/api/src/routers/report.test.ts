/**
 * The reports against a real PostgreSQL with the demo data: the programme's published
 * figures on the demo, and each filter (a period that cuts a year in two, a district, the
 * kinds, an empty period, the programme's calendar at midnight) on a small fixture of this
 * test's own, in a district of its own, against figures worked out by hand. Exports: the
 * internal table as the report, the external one with small counts hidden, each logged.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "@truce/db";
import {
  accessLog,
  incident,
  intervention,
  interventionParticipant,
  outcome,
} from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import type { WebRouterOutputs } from "../index";
import { callerFor, claimsFor } from "../test-actors";

let demo: DemoDatabase;
const district = `Reportby ${uniqueTag()}`;

/**
 * The fixture, in its own district. Times are UTC; the programme's calendar is Stockholm's,
 * so 29 February 2020 23:30 UTC is 1 March there, and 30 June 23:30 UTC is 1 July.
 */
const FIXTURE = [
  { kind: "shooting", occurredAt: "2019-03-10T12:00:00Z", dead: 1, injured: 0 },
  { kind: "shooting", occurredAt: "2019-11-20T12:00:00Z", dead: 0, injured: 2 },
  { kind: "stabbing", occurredAt: "2020-02-01T12:00:00Z", dead: 0, injured: 1 },
  { kind: "shooting", occurredAt: "2020-02-10T12:00:00Z", dead: 0, injured: 0 },
  { kind: "shooting", occurredAt: "2020-02-29T23:30:00Z", dead: 2, injured: 3 },
  { kind: "threat", occurredAt: "2020-06-30T23:30:00Z", dead: 0, injured: 0 },
] as const;

beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const manager = async () =>
  callerFor(demo.db, await claimsFor(demo.db, "police.manager@truce.example"));

type Report = WebRouterOutputs["report"]["incidents"];
/** A report's periods as [first day, last day, incidents, previous, dead, injured]. */
const periodsOf = (report: Report) =>
  report.periods.map((p) => [p.firstDay, p.lastDay, p.incidents, p.previous, p.dead, p.injured]);

describe("report.incidents on the demo data", () => {
  it("counts the programme's published shootings: 65, 47, 34, and 4 to 19 May 2020", async () => {
    const report = await (
      await manager()
    ).report.incidents({ from: "2017-01-01", to: "2020-05-19", kinds: ["shooting"] });
    expect(report.periods.map((p) => [p.period, p.incidents])).toEqual([
      ["2017-01-01", 65],
      ["2018-01-01", 47],
      ["2019-01-01", 34],
      ["2020-01-01", 4],
    ]);
    expect(report.periods.at(-1)).toMatchObject({ firstDay: "2020-01-01", lastDay: "2020-05-19" });
    expect(report.total.incidents).toBe(150);
    // No shooting before 2017: the change for 2017 is all of it.
    expect(report.periods[0]).toMatchObject({ previous: 0, change: 65 });
    expect(report.periods[1]).toMatchObject({ previous: 65, change: -18 });
    expect(report.programmeStartedOn).toBe("2018-10-01");
  });

  it("gives the same year in quarters and in months as in one row", async () => {
    const caller = await manager();
    const input = { from: "2018-01-01", to: "2018-12-31", kinds: ["shooting" as const] };
    const [year, quarters, months] = await Promise.all([
      caller.report.incidents({ ...input, granularity: "year" }),
      caller.report.incidents({ ...input, granularity: "quarter" }),
      caller.report.incidents({ ...input, granularity: "month" }),
    ]);
    expect(year.total.incidents).toBe(47);
    expect(quarters.periods.map((p) => p.period)).toEqual([
      "2018-01-01",
      "2018-04-01",
      "2018-07-01",
      "2018-10-01",
    ]);
    expect(months.periods).toHaveLength(12);
    const sum = (report: Report) => report.periods.reduce((n, p) => n + p.incidents, 0);
    expect(sum(quarters)).toBe(47);
    expect(sum(months)).toBe(47);
    expect(quarters.total).toEqual(year.total);
    expect(months.total).toEqual(year.total);
  });
});

describe("report.incidents' whole months and the days at their ends", () => {
  /** The incidents of a kind on the programme's days [from, to], counted straight from the table. */
  async function counted(from: string, to: string, kind: "shooting" | "threat") {
    const [row] = await demo.db.execute<{ n: number }>(sql`
      select count(*)::int as n from ${incident}
      where ${incident.kind} = ${kind}
        and ${incident.occurredAt} >= (${from}::date::timestamp at time zone 'Europe/Stockholm')
        and ${incident.occurredAt} < ((${to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`);
    return row!.n;
  }

  it.each([
    ["2018-03-15", "2019-02-10", "month"],
    ["2017-06-30", "2020-01-01", "quarter"],
    ["2016-12-31", "2020-05-19", "year"],
    ["2019-02-03", "2019-02-20", "month"],
    // Whole months with days after them: January to July from the months, August to the 17th.
    ["2017-01-01", "2019-08-17", "year"],
    ["2017-02-14", "2018-11-20", "quarter"],
  ] as const)(
    "counts %s to %s by %s as the incidents of each row's days",
    async (from, to, granularity) => {
      const caller = await manager();
      for (const kind of ["shooting", "threat"] as const) {
        const report = await caller.report.incidents({ from, to, granularity, kinds: [kind] });
        const expected = await Promise.all(
          report.periods.map((p) => counted(p.firstDay, p.lastDay, kind)),
        );
        expect(report.periods.map((p) => p.incidents)).toEqual(expected);
        expect(report.total.incidents).toBe(await counted(from, to, kind));
      }
    },
  );
});

describe("report.incidents' filters, on a fixture of its own", () => {
  // After the demo's figures are checked: these incidents would add to them.
  beforeAll(async () => {
    await demo.ownerDb
      .insert(incident)
      .values(FIXTURE.map((row) => ({ ...row, occurredAt: new Date(row.occurredAt), district })));
  });

  it("keeps to the district, and counts each kind, the dead and the injured", async () => {
    const report = await (
      await manager()
    ).report.incidents({ from: "2019-01-01", to: "2020-12-31", district });
    expect(periodsOf(report)).toEqual([
      ["2019-01-01", "2019-12-31", 2, 0, 1, 2],
      ["2020-01-01", "2020-12-31", 4, 2, 2, 4],
    ]);
    expect(report.periods[1]!.byKind).toEqual({
      shooting: 2,
      attempted_shooting: 0,
      explosion: 0,
      stabbing: 1,
      assault: 0,
      threat: 1,
    });
    expect(report.total).toEqual({
      byKind: {
        shooting: 4,
        attempted_shooting: 0,
        explosion: 0,
        stabbing: 1,
        assault: 0,
        threat: 1,
      },
      incidents: 6,
      dead: 3,
      injured: 6,
    });
  });

  it("cuts a year in two, and compares each part with the same days a year before", async () => {
    const report = await (
      await manager()
    ).report.incidents({ from: "2019-07-01", to: "2020-06-30", district });
    // 2019 from July: the November shooting; before it, July to December 2018: nothing.
    // 2020 to June: the stabbing, two shootings (one on 1 March, Stockholm's day) and not
    // the threat (1 July there); before it, January to June 2019: the March shooting.
    expect(periodsOf(report)).toEqual([
      ["2019-07-01", "2019-12-31", 1, 0, 0, 2],
      ["2020-01-01", "2020-06-30", 3, 1, 2, 4],
    ]);
    expect(report.periods.map((p) => p.change)).toEqual([1, 2]);
  });

  it("puts an incident on the programme's day, not UTC's: in March, and the threat in July", async () => {
    const report = await (
      await manager()
    ).report.incidents({ from: "2020-02-01", to: "2020-07-31", granularity: "month", district });
    expect(report.periods.map((p) => [p.period, p.incidents])).toEqual([
      ["2020-02-01", 2],
      ["2020-03-01", 1],
      ["2020-04-01", 0],
      ["2020-05-01", 0],
      ["2020-06-01", 0],
      ["2020-07-01", 1],
    ]);
    const quarters = await (
      await manager()
    ).report.incidents({ from: "2020-01-01", to: "2020-09-30", granularity: "quarter", district });
    expect(quarters.periods.map((p) => [p.period, p.incidents, p.previous])).toEqual([
      ["2020-01-01", 3, 1],
      ["2020-04-01", 0, 3],
      ["2020-07-01", 1, 0],
    ]);
  });

  it("counts only the kinds asked for", async () => {
    const report = await (
      await manager()
    ).report.incidents({
      from: "2020-01-01",
      to: "2020-12-31",
      district,
      kinds: ["shooting", "threat"],
    });
    expect(report.filters.kinds).toEqual(["shooting", "threat"]);
    expect(report.periods[0]!.byKind).toEqual({ shooting: 2, threat: 1 });
    expect(report.periods[0]!.incidents).toBe(3);
    expect(report.total).toEqual({
      byKind: { shooting: 2, threat: 1 },
      incidents: 3,
      dead: 2,
      injured: 3,
    });
  });

  it("shows an empty period with its zeros, one row for each of its months", async () => {
    const report = await (
      await manager()
    ).report.incidents({ from: "2010-01-01", to: "2010-12-31", granularity: "month", district });
    expect(report.periods).toHaveLength(12);
    expect(report.periods.every((p) => p.incidents === 0 && p.dead === 0 && p.previous === 0)).toBe(
      true,
    );
    expect(report.total.incidents).toBe(0);
    const day = await (
      await manager()
    ).report.incidents({ from: "2010-06-15", to: "2010-06-15", district });
    expect(periodsOf(day)).toEqual([["2010-06-15", "2010-06-15", 0, 0, 0, 0]]);
  });

  it("finds nothing in a district no incident was recorded in", async () => {
    const report = await (
      await manager()
    ).report.incidents({
      from: "2017-01-01",
      to: "2020-12-31",
      district: `Nowhere ${uniqueTag()}`,
    });
    expect(report.total.incidents).toBe(0);
    expect(report.periods).toHaveLength(4);
  });
});

describe("report.exportIncidents", () => {
  const filters = { from: "2019-01-01", to: "2020-12-31", district };

  async function lastExport(userEmail: string) {
    const [row] = await demo.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, "export"), eq(accessLog.entityId, "incidents")))
      .orderBy(desc(accessLog.id))
      .limit(1);
    expect(row?.userId).toBe((await claimsFor(demo.db, userEmail)).userId);
    return row!;
  }

  it("gives the programme's own file the report's figures, and logs the export with its filters", async () => {
    const caller = await manager();
    const report = await caller.report.incidents(filters);
    const table = await caller.report.exportIncidents({ ...filters, audience: "internal" });
    expect(table.rows.map((row) => [row.firstDay, row.incidents, row.change, row.dead])).toEqual(
      report.periods.map((p) => [p.firstDay, p.incidents, p.change, p.dead]),
    );
    expect(table.total).toEqual(report.total);
    const logged = await lastExport("police.manager@truce.example");
    expect(logged).toMatchObject({ entityType: "report", action: "export" });
    expect(logged.detail).toEqual({
      audience: "internal",
      filters: { ...filters, granularity: "year", kinds: report.filters.kinds },
    });
  });

  it("shows counts from 1 to 4 as <5 outside the programme, and withholds what would give one away", async () => {
    const table = await (
      await manager()
    ).report.exportIncidents({ ...filters, audience: "external" });
    const [y2019, y2020] = table.rows;
    // 2019: two shootings (<5), so its total is withheld; no incident in 2018, a 0 shown.
    expect(y2019).toMatchObject({
      byKind: { shooting: "<5", stabbing: 0, threat: 0 },
      incidents: "..",
      change: "..",
      dead: "<5",
      injured: "<5",
    });
    expect(y2020).toMatchObject({ incidents: "..", change: "..", dead: "<5", injured: "<5" });
    expect(table.total).toEqual({
      byKind: {
        shooting: "..",
        attempted_shooting: 0,
        explosion: 0,
        stabbing: "..",
        assault: 0,
        threat: "..",
      },
      incidents: "..",
      dead: "..",
      injured: "..",
    });
    expect(JSON.stringify(table)).not.toMatch(/:[1-4][,}]/);
    expect((await lastExport("police.manager@truce.example")).detail).toMatchObject({
      audience: "external",
    });
  });

  it("refuses staff, and logs nothing for them", async () => {
    const staff = await callerFor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    const before = await demo.db
      .select({ id: accessLog.id })
      .from(accessLog)
      .orderBy(desc(accessLog.id))
      .limit(1);
    await expect(
      staff.report.exportIncidents({ ...filters, audience: "internal" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(staff.report.incidents(filters)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await demo.db
      .select({ id: accessLog.id })
      .from(accessLog)
      .orderBy(desc(accessLog.id))
      .limit(1);
    expect(after).toEqual(before);
  });
});

type Funnel = WebRouterOutputs["report"]["funnel"];
/** A funnel's steps as [step, people, share rounded to a hundredth]. */
const stepsOf = (funnel: Funnel) =>
  funnel.rows.map((r) => [
    r.step,
    r.people,
    r.share === null ? null : Math.round(r.share * 100) / 100,
  ]);

describe("report.funnel on the demo data", () => {
  it("counts the programme's published figures: 30 took steps to leave, 12 relocated, 12 changed their situation at home", async () => {
    const funnel = await (await manager()).report.funnel({ from: "2019-11-01", to: "2020-05-19" });
    const people = Object.fromEntries(funnel.rows.map((r) => [r.step, r.people]));
    expect(people).toMatchObject({
      took_steps: 30,
      relocated: 12,
      changed_situation: 12,
      relocated_or_changed: 24,
    });
    expect(funnel.rows.find((r) => r.step === "relocated")!.share).toBeCloseTo(0.4);
    expect(funnel.rows.map((r) => r.step)).toEqual([
      "reached",
      "accepted_support",
      "took_steps",
      "relocated_or_changed",
      "relocated",
      "changed_situation",
      "left_criminal_context",
    ]);
  });

  it("gives the same 30, 12 and 12 over the whole programme: no one else took those steps", async () => {
    const funnel = await (await manager()).report.funnel({ from: "2017-01-01", to: "2026-12-31" });
    expect(
      funnel.rows
        .filter((r) => ["took_steps", "relocated", "changed_situation"].includes(r.step))
        .map((r) => r.people),
    ).toEqual([30, 12, 12]);
  });
});

describe("report.funnel's filters, on a fixture of its own", () => {
  const funnelDistrict = `Funnelby ${uniqueTag()}`;
  // Four people of the district (one pending, who counts nowhere), reached and supported by
  // the police and the exit programme, their outcomes recorded by the exit programme.
  beforeAll(async () => {
    const { police, exit_programme: exit } = demo.agencyIds;
    const person = (status: "approved" | "pending" = "approved") =>
      createTestIndividual(demo.ownerDb, {
        registeringAgencyId: police!,
        district: funnelDistrict,
        registrationStatus: status,
      });
    const [a, b, c, pending] = [
      await person(),
      await person(),
      await person(),
      await person("pending"),
    ];
    const act = async (
      values: Partial<typeof intervention.$inferInsert> & { occurredAt: Date },
      people: { id: string; response?: "attended" | "accepted_support" | "no_show" }[],
    ) => {
      const [row] = await demo.ownerDb
        .insert(intervention)
        .values({ kind: "custom_notification", status: "done", leadAgencyId: police!, ...values })
        .returning({ id: intervention.id });
      await demo.ownerDb.insert(interventionParticipant).values(
        people.map((p) => ({
          interventionId: row!.id,
          individualId: p.id,
          response: p.response ?? null,
        })),
      );
    };
    // A call-in on 10 March 2021: a and b came, c did not; the pending person came too.
    await act({ kind: "call_in", occurredAt: new Date("2021-03-10T17:00:00Z") }, [
      { id: a!.id, response: "attended" },
      { id: b!.id, response: "attended" },
      { id: c!.id, response: "no_show" },
      { id: pending!.id, response: "attended" },
    ]);
    // A conversation with c, delivered, on 1 July 2021; one with a not delivered.
    await act({ occurredAt: new Date("2021-07-01T10:00:00Z"), deliveryResult: "delivered" }, [
      { id: c!.id },
    ]);
    await act({ occurredAt: new Date("2021-07-02T10:00:00Z"), deliveryResult: "not_found" }, [
      { id: a!.id },
    ]);
    // Support accepted from the exit programme by a (April) and c (August), and by the pending one.
    await act(
      { kind: "support_offer", leadAgencyId: exit!, occurredAt: new Date("2021-04-01T10:00:00Z") },
      [
        { id: a!.id, response: "accepted_support" },
        { id: pending!.id, response: "accepted_support" },
      ],
    );
    await act(
      { kind: "support_offer", leadAgencyId: exit!, occurredAt: new Date("2021-08-01T10:00:00Z") },
      [{ id: c!.id, response: "accepted_support" }],
    );
    const outcomes: (typeof outcome.$inferInsert)[] = [
      {
        individualId: a!.id,
        kind: "took_steps_to_leave",
        occurredAt: "2021-05-01",
        recordingAgencyId: exit!,
      },
      {
        individualId: a!.id,
        kind: "relocated",
        occurredAt: "2021-06-01",
        recordingAgencyId: exit!,
      },
      {
        individualId: a!.id,
        kind: "changed_situation_at_home",
        occurredAt: "2021-06-15",
        recordingAgencyId: exit!,
      },
      {
        individualId: c!.id,
        kind: "took_steps_to_leave",
        occurredAt: "2021-09-01",
        recordingAgencyId: police!,
      },
      {
        individualId: pending!.id,
        kind: "took_steps_to_leave",
        occurredAt: "2021-05-01",
        recordingAgencyId: exit!,
      },
    ];
    await demo.ownerDb.insert(outcome).values(outcomes);
  });

  it("counts each person once per step, in the district, and leaves the pending registration out", async () => {
    const funnel = await (
      await manager()
    ).report.funnel({ from: "2021-01-01", to: "2021-12-31", district: funnelDistrict });
    expect(stepsOf(funnel)).toEqual([
      ["reached", 3, null],
      ["accepted_support", 2, 0.67],
      ["took_steps", 2, 1],
      ["relocated_or_changed", 1, 0.5],
      ["relocated", 1, 0.5],
      ["changed_situation", 1, 0.5],
      ["left_criminal_context", 0, 0],
    ]);
  });

  it("cuts the year in two: only the steps taken in the first half", async () => {
    const funnel = await (
      await manager()
    ).report.funnel({ from: "2021-01-01", to: "2021-06-30", district: funnelDistrict });
    // Reached: a and b at the call-in (c's conversation is in July). Support: a. Steps: a.
    expect(stepsOf(funnel).slice(0, 4)).toEqual([
      ["reached", 2, null],
      ["accepted_support", 1, 0.5],
      ["took_steps", 1, 1],
      ["relocated_or_changed", 1, 1],
    ]);
  });

  it("keeps to the agency that recorded each step", async () => {
    const { exit_programme: exit } = demo.agencyIds;
    const funnel = await (
      await manager()
    ).report.funnel({
      from: "2021-01-01",
      to: "2021-12-31",
      district: funnelDistrict,
      agencyId: exit!,
    });
    // The exit programme led no call-in or conversation; it gave the support and recorded a's steps.
    expect(stepsOf(funnel).slice(0, 4)).toEqual([
      ["reached", 0, null],
      ["accepted_support", 2, null],
      ["took_steps", 1, 0.5],
      ["relocated_or_changed", 1, 1],
    ]);
  });

  it("shows an empty period as zeros with no shares", async () => {
    const funnel = await (
      await manager()
    ).report.funnel({ from: "2010-01-01", to: "2010-12-31", district: funnelDistrict });
    expect(funnel.rows.every((r) => r.people === 0 && r.share === null)).toBe(true);
  });

  it("exports the funnel for sharing outside with its small counts hidden, and logs it", async () => {
    const table = await (
      await manager()
    ).report.exportFunnel({
      from: "2021-01-01",
      to: "2021-12-31",
      district: funnelDistrict,
      audience: "external",
    });
    expect(table.rows.map((r) => [r.step, r.people, r.share])).toEqual([
      ["reached", "<5", null],
      ["accepted_support", "<5", ".."],
      ["took_steps", "<5", ".."],
      // a did both, one person: either count less the other would give that away.
      ["relocated_or_changed", "..", ".."],
      ["relocated", "<5", ".."],
      ["changed_situation", "<5", ".."],
      ["left_criminal_context", 0, ".."],
    ]);
    const [logged] = await demo.db
      .select({ entityId: accessLog.entityId, detail: accessLog.detail })
      .from(accessLog)
      .where(eq(accessLog.action, "export"))
      .orderBy(desc(accessLog.id))
      .limit(1);
    expect(logged).toMatchObject({
      entityId: "exitFunnel",
      detail: { audience: "external", filters: { district: funnelDistrict } },
    });
  });
});
