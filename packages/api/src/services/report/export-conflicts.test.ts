/**
 * The conflicts and people export's rule, over arbitrary reports: no count from 1 to 4 is
 * shown, every figure shown is the report's own, and no sum of the tables (a period's
 * statuses; a status's risk levels and a risk level's statuses; everyone by status, risk,
 * category and agency; the reviews by agency) is left with a single figure unshown, from which
 * a chain of subtractions would start.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONFLICT_STATUSES,
  INDIVIDUAL_CATEGORIES,
  INDIVIDUAL_STATUSES,
  RISK_LEVELS,
} from "@truce/db/enum-values";
import type { ConflictsReport } from "./conflicts";
import { conflictsTable } from "./export-conflicts";
import type { Shown } from "./external";

const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const record = <K extends string>(keys: readonly K[], values: number[]) =>
  Object.fromEntries(keys.map((k, i) => [k, values[i]!])) as Record<K, number>;

/** A consistent report: each person a status, risk, category and agency; the sums added up. */
const report: fc.Arbitrary<ConflictsReport> = fc
  .record({
    periods: fc.array(fc.tuple(...CONFLICT_STATUSES.map(() => count)), {
      minLength: 1,
      maxLength: 3,
    }),
    cells: fc.array(fc.tuple(...RISK_LEVELS.map(() => count)), {
      minLength: INDIVIDUAL_STATUSES.length,
      maxLength: INDIVIDUAL_STATUSES.length,
    }),
    categoryShares: fc.tuple(...INDIVIDUAL_CATEGORIES.map(() => fc.nat(10))),
    agencies: fc.integer({ min: 1, max: 3 }),
    overdue: fc.array(count, { minLength: 3, maxLength: 3 }),
  })
  .map(({ periods, cells, categoryShares, agencies, overdue }) => {
    const people = sum(cells.flat());
    // Split the people into categories and agencies so that each adds up to everyone.
    const split = (parts: number, weights: number[]) => {
      const total = sum(weights) || 1;
      const shares = weights.slice(0, parts).map((w) => Math.floor((people * w) / total));
      shares[0]! += people - sum(shares);
      return shares;
    };
    const byCategory = split(INDIVIDUAL_CATEGORIES.length, categoryShares);
    const byAgency = split(agencies, [1, 2, 3]);
    return {
      filters: { from: "2020-01-01", to: "2020-12-31", granularity: "year" as const },
      programmeStartedOn: null,
      today: "2026-01-01",
      periods: periods.map((statuses, i) => {
        const day = `20${String(10 + i)}-01-01`;
        return {
          period: day,
          firstDay: day,
          lastDay: day,
          byStatus: record(CONFLICT_STATUSES, statuses),
          conflicts: sum(statuses),
          opened: statuses[0]!,
          resolved: statuses[4]!,
        };
      }),
      people: {
        byStatus: INDIVIDUAL_STATUSES.map((status, s) => ({
          status,
          byRisk: record(RISK_LEVELS, cells[s]!),
          people: sum(cells[s]!),
        })),
        byRisk: record(
          RISK_LEVELS,
          RISK_LEVELS.map((_, r) => sum(cells.map((row) => row[r]!))),
        ),
        byCategory: record(INDIVIDUAL_CATEGORIES, byCategory),
        people,
      },
      reviews: {
        overdue: sum(byAgency.map((n, a) => Math.min(n, overdue[a]!))),
        dueSoon: 0,
      },
      agencies: byAgency.map((n, a) => ({
        agencyId: `agency-${a}`,
        name: `Agency ${a}`,
        people: n,
        overdue: Math.min(n, overdue[a]!),
        dueSoon: 0,
      })),
    };
  });

describe("the conflicts and people report's external export", () => {
  it("shows no count from 1 to 4, shows every other figure as it is, and leaves no sum with one figure unshown", () => {
    fc.assert(
      fc.property(report, (r) => {
        const table = conflictsTable(r, "external", new Date(0));
        type Pair = [number, Shown];
        const sums: Pair[][] = [];
        r.periods.forEach((p, i) => {
          const shown = table.periods[i]!;
          sums.push([
            [p.conflicts, shown.conflicts],
            ...CONFLICT_STATUSES.map((s): Pair => [p.byStatus[s], shown.byStatus[s]]),
          ]);
        });
        const rows = r.people.byStatus.map((row, i) => [row, table.people.byStatus[i]!] as const);
        for (const [real, shown] of rows) {
          sums.push([
            [real.people, shown.people],
            ...RISK_LEVELS.map((k): Pair => [real.byRisk[k], shown.byRisk[k]]),
          ]);
        }
        for (const k of RISK_LEVELS) {
          sums.push([
            [r.people.byRisk[k], table.people.byRisk[k]],
            ...rows.map(([real, shown]): Pair => [real.byRisk[k], shown.byRisk[k]]),
          ]);
        }
        const everyone: Pair = [r.people.people, table.people.people];
        sums.push(
          [everyone, ...rows.map(([real, shown]): Pair => [real.people, shown.people])],
          [everyone, ...RISK_LEVELS.map((k): Pair => [r.people.byRisk[k], table.people.byRisk[k]])],
          [
            everyone,
            ...INDIVIDUAL_CATEGORIES.map((c): Pair => [
              r.people.byCategory[c],
              table.people.byCategory[c],
            ]),
          ],
          [everyone, ...r.agencies.map((a, i): Pair => [a.people, table.agencies[i]!.people])],
          [
            [r.reviews.overdue, table.reviews.overdue],
            ...r.agencies.map((a, i): Pair => [a.overdue, table.agencies[i]!.overdue]),
          ],
        );
        for (const [real, shown] of sums.flat()) {
          if (real >= 1 && real <= 4) expect(shown).not.toBe(real);
          if (typeof shown === "number") expect(shown).toBe(real);
        }
        for (const figures of sums) {
          const unshown = figures.filter(([, shown]) => typeof shown !== "number").length;
          expect(unshown, JSON.stringify(figures)).not.toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
