import { eq, sql, type SQL } from "@truce/db";
import { platformSetting } from "@truce/db/schema";
import { inTransaction, type InTransaction, type ServiceContext } from "../context";
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
 * The whole months of a report's days: from `monthsFrom` (the first whole month's first day)
 * to `monthsTo` (the day after the last whole month), or null when there is none. Every row's
 * bounds but the report's own first and last day are a month's first day, so the only days a
 * report counts outside whole months are those before `monthsFrom` and from `monthsTo` on.
 */
export function wholeMonthsOf(
  from: string,
  to: string,
): { monthsFrom: string; monthsTo: string } | null {
  const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
  const nextMonth = (day: string) => {
    const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
    return month === 12
      ? `${String(year + 1).padStart(4, "0")}-01-01`
      : `${day.slice(0, 4)}-${String(month + 1).padStart(2, "0")}-01`;
  };
  const afterTo = nextDay(to);
  const monthsFrom = from.endsWith("-01") ? from : nextMonth(from);
  const monthsTo = monthStart(afterTo);
  return monthsFrom < monthsTo ? { monthsFrom, monthsTo } : null;
}

/** The day after `day` ("2020-02-28" → "2020-02-29"). */
export function nextDay(day: string): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
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

/**
 * Runs a report's statements with PostgreSQL's JIT compiler off, in a transaction of their
 * own (a savepoint in an export's). A report's statement over ten years is estimated above
 * `jit_above_cost`, and compiling it took 60 to 70 ms at national scale, more than running it
 * (the activity report: 107 ms alone, 40 without the compiling).
 */
export function withoutJit<T>(
  ctx: ServiceContext,
  work: (tx: InTransaction) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`set local jit = off`);
    return work(tx);
  });
}
