/**
 * The external export's rule, over arbitrary reports: no count from 1 to 4 is shown, and no
 * figure is shown from which a hidden one could be worked out by subtraction. The internal
 * export keeps every figure as it is.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INCIDENT_KINDS } from "@truce/db/enum-values";
import { incidentReportTable } from "./export-incidents";
import type { IncidentKind, IncidentReport } from "./incidents";

const count = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 500 }));

const report: fc.Arbitrary<IncidentReport> = fc
  .subarray([...INCIDENT_KINDS], { minLength: 1 })
  .chain((kinds) => {
    const byKind = fc
      .tuple(...kinds.map(() => count))
      .map(
        (values) =>
          Object.fromEntries(kinds.map((kind, i) => [kind, values[i]])) as Record<
            IncidentKind,
            number
          >,
      );
    const period = fc.record({ byKind, previousByKind: byKind, dead: count, injured: count });
    return fc.array(period, { minLength: 1, maxLength: 8 }).map((periods) => {
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      const rows = periods.map((p, i) => {
        const incidents = sum(Object.values(p.byKind));
        const previous = sum(Object.values(p.previousByKind));
        const day = `20${String(10 + i)}-01-01`;
        return {
          ...p,
          period: day,
          firstDay: day,
          lastDay: day,
          incidents,
          previous,
          change: incidents - previous,
        };
      });
      const total = {
        byKind: Object.fromEntries(
          kinds.map((kind) => [kind, sum(rows.map((r) => r.byKind[kind]))]),
        ) as Record<IncidentKind, number>,
        incidents: sum(rows.map((r) => r.incidents)),
        dead: sum(rows.map((r) => r.dead)),
        injured: sum(rows.map((r) => r.injured)),
      };
      return {
        filters: {
          from: "2010-01-01",
          to: "2017-12-31",
          granularity: "year" as const,
          kinds,
        },
        programmeStartedOn: null,
        periods: rows,
        total,
      };
    });
  });

const shown = (figure: unknown): figure is number => typeof figure === "number";
const at = new Date("2026-12-01T10:00:00Z");

describe("the incidents report's external table", () => {
  it("shows no count from 1 to 4, and only totals whose every part is shown", () => {
    fc.assert(
      fc.property(report, (source) => {
        const table = incidentReportTable(source, "external", at);
        const figures = table.rows.flatMap((row) => [
          ...Object.values(row.byKind),
          row.incidents,
          row.dead,
          row.injured,
        ]);
        figures.push(...Object.values(table.total.byKind), table.total.incidents);
        for (const figure of figures) {
          expect(shown(figure) && figure >= 1 && figure <= 4).toBe(false);
        }
        table.rows.forEach((row, i) => {
          const period = source.periods[i]!;
          // A period's total shown: each of its kinds is shown, so nothing is subtracted out.
          if (shown(row.incidents)) expect(Object.values(row.byKind).every(shown)).toBe(true);
          // A change shown: the period's total and the previous days' are both whole.
          if (shown(row.change)) {
            expect(shown(row.incidents)).toBe(true);
            const previous = Object.values(period.previousByKind);
            expect(previous.every((n) => n === 0 || n >= 5)).toBe(true);
            expect(row.change).toBe(period.change);
          }
          if (shown(row.dead)) expect(row.dead).toBe(period.dead);
        });
        for (const kind of source.filters.kinds) {
          if (shown(table.total.byKind[kind])) {
            expect(table.rows.every((row) => shown(row.byKind[kind]))).toBe(true);
          }
        }
        if (shown(table.total.incidents)) {
          expect(table.rows.every((row) => shown(row.incidents))).toBe(true);
          expect(Object.values(table.total.byKind).every(shown)).toBe(true);
        }
        if (shown(table.total.dead)) expect(table.rows.every((row) => shown(row.dead))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("shows every figure as it is to the programme itself", () => {
    fc.assert(
      fc.property(report, (source) => {
        const table = incidentReportTable(source, "internal", at);
        expect(table.rows.map((row) => [row.incidents, row.change, row.dead, row.byKind])).toEqual(
          source.periods.map((p) => [p.incidents, p.change, p.dead, p.byKind]),
        );
        expect(table.total).toEqual(source.total);
      }),
      { numRuns: 100 },
    );
  });

  it("shows large counts and zeros as they are, and their totals", () => {
    const source = fc.sample(report, { numRuns: 1, seed: 7 })[0]!;
    const big = {
      ...source,
      periods: source.periods.map((p) => ({
        ...p,
        byKind: Object.fromEntries(
          Object.keys(p.byKind).map((k, i) => [k, i === 0 ? 0 : 7]),
        ) as Record<IncidentKind, number>,
        previousByKind: Object.fromEntries(Object.keys(p.byKind).map((k) => [k, 9])) as Record<
          IncidentKind,
          number
        >,
        incidents: 7 * (Object.keys(p.byKind).length - 1),
        change: 0,
        dead: 0,
        injured: 12,
      })),
    };
    const table = incidentReportTable(big, "external", at);
    for (const row of table.rows) {
      expect(Object.values(row.byKind).every(shown)).toBe(true);
      expect(row.incidents).toBe(7 * (Object.keys(row.byKind).length - 1) || 0);
      expect(row).toMatchObject({ change: 0, dead: 0, injured: 12 });
    }
  });
});
