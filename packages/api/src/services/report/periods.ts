import { eq, sql, type SQL } from "@truce/db";
import { platformSetting } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import type { ReportGranularity } from "./schemas";

/** What the reports' time tables are cut by: their days and a granularity. */
export interface ReportPeriodFilters {
  from: string;
  to: string;
  granularity: ReportGranularity;
}

/** Each cut of the calendar as PostgreSQL writes it: date_trunc's field and the step. */
const CALENDAR: Record<ReportGranularity, { field: string; step: string }> = {
  year: { field: "year", step: "1 year" },
  quarter: { field: "quarter", step: "3 months" },
  month: { field: "month", step: "1 month" },
};

/** How many rows of its granularity a period has ("2019-07-01" to "2020-06-30" by year: 2). */
export function periodCount({ from, to, granularity }: ReportPeriodFilters): number {
  const months = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const size = granularity === "year" ? 12 : granularity === "quarter" ? 3 : 1;
  return Math.floor(months(to) / size) - Math.floor(months(from) / size) + 1;
}

/** The granularity's step as an SQL interval ("interval '3 months'"). */
export function periodStep(granularity: ReportGranularity): SQL {
  return sql.raw(`interval '${CALENDAR[granularity].step}'`);
}

/**
 * A report's rows of time, as a query of `period` (the period's first day on its calendar),
 * `first_day` and `last_day` (the days of it the report covers: the period cut to the report's
 * own first and last day). A `generate_series` of integers whose bounds are in the text, so
 * PostgreSQL knows how many rows there are: with a series of timestamps it guessed a thousand,
 * planned a hash join over a whole table and JIT-compiled it (1 s at national scale).
 */
export function periodSpans(filters: ReportPeriodFilters): SQL {
  const unit = periodStep(filters.granularity);
  const field = sql.raw(`'${CALENDAR[filters.granularity].field}'`);
  return sql`
    select b::date as period,
      greatest(b::date, ${filters.from}::date) as first_day,
      least((b + ${unit})::date - 1, ${filters.to}::date) as last_day
    from generate_series(0, ${sql.raw(String(periodCount(filters) - 1))}) as i,
      lateral (
        select date_trunc(${field}, ${filters.from}::date::timestamp) + i * ${unit} as b
      ) as start`;
}

/**
 * The whole months inside a stretch of days [starts, ends): `months_from` (the first whole
 * month's first day) and `months_to` (the day after the last whole month), for a report that
 * takes whole months from a table of months and counts only the days at the ends itself.
 */
export function wholeMonths(starts: SQL, ends: SQL): SQL {
  return sql`
    case when extract(day from ${starts}) = 1 then ${starts}
      else (date_trunc('month', ${starts}) + interval '1 month')::date end as months_from,
    date_trunc('month', ${ends})::date as months_to`;
}

/** The programme's start (a platform setting) that every time chart marks; null until set. */
export async function programmeStart({ db }: Pick<ServiceContext, "db">): Promise<string | null> {
  const [setting] = await db
    .select({ startedOn: platformSetting.programmeStartedOn })
    .from(platformSetting)
    .where(eq(platformSetting.id, 1));
  return setting?.startedOn ?? null;
}
