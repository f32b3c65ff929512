/**
 * The activity export's rule, over arbitrary reports: no count from 1 to 4 is shown, every
 * figure shown is the report's own, and no chain of subtractions along the table's sums (a
 * period's kinds, its enforcement's sub-kinds, its trials, each total over the periods and
 * over the agencies) gives a hidden figure back. The internal export keeps every figure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENFORCEMENT_KINDS, INTERVENTION_KINDS } from "@truce/db/enum-values";
import type { ActivityReport, EnforcementKind, InterventionKind } from "./activity";
import { activityTable, type ActivityReportTable } from "./export-activity";
import type { Shown } from "./external";

const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const OTHER_KINDS = INTERVENTION_KINDS.filter((kind) => kind !== "enforcement");

/** A consistent report: each period × agency's counts of each kind and sub-kind, added up. */
const report: fc.Arbitrary<ActivityReport> = fc
  .record({
    periods: fc.integer({ min: 1, max: 4 }),
    agencies: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ periods, agencies }) => {
    const cell = fc.record({
      kinds: fc.tuple(...OTHER_KINDS.map(() => count)),
      subs: fc.tuple(...ENFORCEMENT_KINDS.map(() => count)),
    });
    return fc.record({
      cube: fc.array(fc.array(cell, { minLength: agencies, maxLength: agencies }), {
        minLength: periods,
        maxLength: periods,
      }),
      people: fc.array(count, { minLength: periods, maxLength: periods }),
    });
  })
  .map(({ cube, people }) => {
    const agencyCount = cube[0]!.length;
    const kindOf = (c: (typeof cube)[0][0], kind: InterventionKind) =>
      kind === "enforcement" ? sum(c.subs) : c.kinds[OTHER_KINDS.indexOf(kind)]!;
    const subOf = (c: (typeof cube)[0][0], sub: EnforcementKind) =>
      c.subs[ENFORCEMENT_KINDS.indexOf(sub)]!;
    const figures = (cells: (typeof cube)[0], people: number) => {
      const byKind = Object.fromEntries(
        INTERVENTION_KINDS.map((kind) => [kind, sum(cells.map((c) => kindOf(c, kind)))]),
      ) as Record<InterventionKind, number>;
      const byEnforcement = Object.fromEntries(
        ENFORCEMENT_KINDS.map((sub) => [sub, sum(cells.map((c) => subOf(c, sub)))]),
      ) as Record<EnforcementKind, number>;
      return {
        byKind,
        interventions: sum(Object.values(byKind)),
        people,
        byEnforcement,
        trials: byEnforcement.prosecution + byEnforcement.trial,
      };
    };
    const periods = cube.map((cells, i) => {
      const day = `20${String(10 + i)}-01-01`;
      return { period: day, firstDay: day, lastDay: day, ...figures(cells, people[i]!) };
    });
    const agencies = Array.from({ length: agencyCount }, (_, a) => {
      const { byKind, interventions } = figures(
        cube.map((cells) => cells[a]!),
        0,
      );
      return { agencyId: `agency-${a}`, name: `Agency ${a}`, byKind, interventions };
    });
    return {
      filters: { from: "2010-01-01", to: "2013-12-31", granularity: "year" as const },
      programmeStartedOn: null,
      periods,
      total: figures(cube.flat(), sum(people)),
      agencies,
    };
  });

/** The table's sums, each as its figures [true, shown]: the total first, then its parts. */
function sumsOf(report: ActivityReport, table: ActivityReportTable) {
  type Pair = [number, Shown];
  const sums: Pair[][] = [];
  const rows = report.periods.map((p, i) => [p, table.rows[i]!] as const);
  const all = [...rows, [report.total, table.total] as const];
  for (const [real, shown] of all) {
    sums.push([
      [real.interventions, shown.interventions],
      ...INTERVENTION_KINDS.map((k): Pair => [real.byKind[k], shown.byKind[k]]),
    ]);
    sums.push([
      [real.byKind.enforcement, shown.byKind.enforcement],
      ...ENFORCEMENT_KINDS.map((e): Pair => [real.byEnforcement[e], shown.byEnforcement[e]]),
    ]);
    sums.push([
      [real.trials, shown.trials],
      [real.byEnforcement.prosecution, shown.byEnforcement.prosecution],
      [real.byEnforcement.trial, shown.byEnforcement.trial],
    ]);
  }
  const over = (
    pick: (f: ActivityReport["total"] | ActivityReportTable["total"]) => number | Shown,
  ) =>
    sums.push([
      [pick(report.total) as number, pick(table.total)],
      ...rows.map(([real, shown]): Pair => [pick(real) as number, pick(shown)]),
    ]);
  for (const k of INTERVENTION_KINDS) over((f) => f.byKind[k]);
  for (const e of ENFORCEMENT_KINDS) over((f) => f.byEnforcement[e]);
  over((f) => f.interventions);
  over((f) => f.people);
  over((f) => f.trials);
  const agencies = report.agencies.map((a, i) => [a, table.agencies[i]!] as const);
  for (const [real, shown] of agencies) {
    sums.push([
      [real.interventions, shown.interventions],
      ...INTERVENTION_KINDS.map((k): Pair => [real.byKind[k], shown.byKind[k]]),
    ]);
  }
  for (const k of INTERVENTION_KINDS) {
    sums.push([
      [report.total.byKind[k], table.total.byKind[k]],
      ...agencies.map(([real, shown]): Pair => [real.byKind[k], shown.byKind[k]]),
    ]);
  }
  sums.push([
    [report.total.interventions, table.total.interventions],
    ...agencies.map(([real, shown]): Pair => [real.interventions, shown.interventions]),
  ]);
  return sums;
}

describe("the activity report's external export", () => {
  it("shows no count from 1 to 4, shows every other figure as it is, and gives none back by subtraction", () => {
    fc.assert(
      fc.property(report, (r) => {
        const table = activityTable(r, "external", new Date(0));
        const sums = sumsOf(r, table);
        for (const [real, shown] of sums.flat()) {
          if (real >= 1 && real <= 4) expect(shown).not.toBe(real);
          if (typeof shown === "number") expect(shown).toBe(real);
        }
        // A sum with a single figure not shown gives it back by subtraction, and so does any
        // chain of subtractions, which must start at such a sum: there is none.
        for (const figures of sums) {
          const unshown = figures.filter(([, shown]) => typeof shown !== "number").length;
          expect(unshown, JSON.stringify(figures)).not.toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every figure in the internal export", () => {
    fc.assert(
      fc.property(report, (r) => {
        const table = activityTable(r, "internal", new Date(0));
        for (const [real, shown] of sumsOf(r, table).flat()) expect(shown).toBe(real);
      }),
      { numRuns: 100 },
    );
  });
});
