import { sql, type SQL } from "@truce/db";
import { INCIDENT_KINDS } from "@truce/db/enum-values";
import { incident, incidentMonth } from "@truce/db/schema";
import { programmeDayStart } from "../calendar";
import type { ServiceContext } from "../context";
import { periodSpans, periodStep, programmeStart, wholeMonths } from "./periods";
import type { IncidentReportInput } from "./schemas";

export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** One period's figures: the incidents of each kind counted, and all of them together. */
export interface IncidentPeriod {
  /** The period's first day on its calendar ("2020-01-01" for 2020 by year). */
  period: string;
  /** The days of it the report covers: the period cut to the report's own first and last. */
  firstDay: string;
  lastDay: string;
  /** Incidents by kind, for each kind the report counts. */
  byKind: Record<IncidentKind, number>;
  incidents: number;
  dead: number;
  injured: number;
  /**
   * The incidents of the same days one period before (2019-01-01 to 2019-05-19 for a 2020 that
   * ends on 19 May), and the change from them: like for like, even for a period cut short.
   */
  previous: number;
  change: number;
  /** The previous days' incidents by kind: what an external export checks before a change. */
  previousByKind: Record<IncidentKind, number>;
}

export interface IncidentReport {
  filters: IncidentReportInput;
  /** The programme's start (a platform setting), marked on the chart; null until it is set. */
  programmeStartedOn: string | null;
  periods: IncidentPeriod[];
  /** The whole report's figures: each kind's incidents, and all of them, with casualties. */
  total: Pick<IncidentPeriod, "byKind" | "incidents" | "dead" | "injured">;
}

type Row = {
  period: string | null;
  first_day: string | null;
  last_day: string | null;
  kind: IncidentKind | null;
  incidents: number;
  previous: number;
  change: number;
  dead: number;
  injured: number;
};

/**
 * Shootings and violence (DOMAIN.md, "Reports"): the incidents of each chosen kind per year,
 * quarter or month of the period, with their dead and injured, and each period's change from
 * the same days one period before. Every figure is counted by PostgreSQL in one statement:
 * each period and its previous days are a stretch of days (a whole period's previous days are
 * the period before it, so counted once). Each stretch × kind adds its whole months from
 * `incident_month` (kept by a trigger, migration 0015) to the incidents of the days before and
 * after them, each a range of `incident_kind_occurred_at_idx` read from the index alone; in a
 * district, which the months do not keep, all its days are one range of
 * `incident_district_kind_occurred_at_idx`. The grouping sets add up the periods, the kinds and
 * the whole. A period with no incident is there with its zeros (the periods: `periodSpans`).
 *
 * Incidents are the city's, not one agency's (DOMAIN.md: they are the register's shared
 * core), so this report has no agency filter; see docs/reports.md.
 */
export async function incidentReport(
  { db }: ServiceContext,
  filters: IncidentReportInput,
): Promise<IncidentReport> {
  const unit = periodStep(filters.granularity);
  const useMonths = sql.raw(filters.district ? "false" : "true");
  const inDistrict: SQL = filters.district
    ? sql`and ${incident.district} = ${filters.district}`
    : sql``;
  const kinds = INCIDENT_KINDS.filter((kind) => filters.kinds.includes(kind));
  const rows = await db.execute<Row>(sql`
    with span as (${periodSpans(filters)}),
    win as (
      select period, first_day, last_day,
        first_day as starts, last_day + 1 as ends,
        (first_day - ${unit})::date as previous_starts,
        ((last_day + 1) - ${unit})::date as previous_ends
      from span
    ),
    -- Each stretch of days [starts, ends) counted once: a whole period's previous days are the
    -- period before it. Its whole months come from incident_month (unless in a district,
    -- which that table does not keep), the days before and after them from the incidents.
    stretch as (
      select starts, ends,
        ${useMonths} and months_from < months_to as by_month, months_from, months_to
      from (
        select starts, ends, ${wholeMonths(sql`starts`, sql`ends`)}
        from (select starts, ends from win union select previous_starts, previous_ends from win) d
      ) m
    ),
    kinds as (select unnest(${sql.param(kinds)}::incident_kind[]) as kind),
    counted as (
      select s.starts, s.ends, k.kind,
        head.incidents + tail.incidents + coalesce(months.incidents, 0) as incidents,
        head.dead + tail.dead + coalesce(months.dead, 0) as dead,
        head.injured + tail.injured + coalesce(months.injured, 0) as injured
      from stretch s
      cross join kinds k
      cross join lateral (
        select count(*) as incidents,
          coalesce(sum(${incident.dead}), 0) as dead,
          coalesce(sum(${incident.injured}), 0) as injured
        from ${incident}
        where ${incident.kind} = k.kind
          and ${incident.occurredAt} >= ${programmeDayStart(sql`s.starts`)}
          and ${incident.occurredAt} < ${programmeDayStart(sql`(case when s.by_month then s.months_from else s.ends end)`)}
          ${inDistrict}
      ) as head
      cross join lateral (
        select count(*) as incidents,
          coalesce(sum(${incident.dead}), 0) as dead,
          coalesce(sum(${incident.injured}), 0) as injured
        from ${incident}
        where s.by_month and ${incident.kind} = k.kind
          and ${incident.occurredAt} >= ${programmeDayStart(sql`s.months_to`)}
          and ${incident.occurredAt} < ${programmeDayStart(sql`s.ends`)}
      ) as tail
      cross join lateral (
        select sum(${incidentMonth.incidents}) as incidents,
          sum(${incidentMonth.dead}) as dead,
          sum(${incidentMonth.injured}) as injured
        from ${incidentMonth}
        where s.by_month and ${incidentMonth.kind} = k.kind
          and ${incidentMonth.month} >= s.months_from and ${incidentMonth.month} < s.months_to
      ) as months
    )
    select w.period::text, w.first_day::text, w.last_day::text, now.kind,
      sum(now.incidents)::int as incidents,
      sum(before.incidents)::int as previous,
      (sum(now.incidents) - sum(before.incidents))::int as change,
      sum(now.dead)::int as dead,
      sum(now.injured)::int as injured
    from win w
    join counted now on now.starts = w.starts and now.ends = w.ends
    join counted before on before.starts = w.previous_starts and before.ends = w.previous_ends
      and before.kind = now.kind
    group by grouping sets ((w.period, w.first_day, w.last_day, now.kind),
      (w.period, w.first_day, w.last_day), (now.kind), ())
    order by w.period nulls last`);

  const zeros = () =>
    Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<IncidentKind, number>;
  const periods = new Map<string, IncidentPeriod>();
  const total: IncidentReport["total"] = { byKind: zeros(), incidents: 0, dead: 0, injured: 0 };
  const periodOf = (row: Row) => {
    let period = periods.get(row.period!);
    if (!period) {
      period = {
        period: row.period!,
        firstDay: row.first_day!,
        lastDay: row.last_day!,
        byKind: zeros(),
        incidents: 0,
        dead: 0,
        injured: 0,
        previous: 0,
        change: 0,
        previousByKind: zeros(),
      };
      periods.set(row.period!, period);
    }
    return period;
  };
  // Each row is one grouping set's figure, placed where it belongs; nothing is added here.
  for (const row of rows) {
    if (row.period !== null && row.kind !== null) {
      const period = periodOf(row);
      period.byKind[row.kind] = row.incidents;
      period.previousByKind[row.kind] = row.previous;
    } else if (row.period !== null) {
      Object.assign(periodOf(row), {
        incidents: row.incidents,
        dead: row.dead,
        injured: row.injured,
        previous: row.previous,
        change: row.change,
      });
    } else if (row.kind !== null) total.byKind[row.kind] = row.incidents;
    else Object.assign(total, { incidents: row.incidents, dead: row.dead, injured: row.injured });
  }
  return {
    filters: { ...filters, kinds },
    programmeStartedOn: await programmeStart({ db }),
    periods: [...periods.values()],
    total,
  };
}
