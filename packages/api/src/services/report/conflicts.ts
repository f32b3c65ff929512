import { sql, type SQL } from "@truce/db";
import {
  CONFLICT_STATUSES,
  INDIVIDUAL_CATEGORIES,
  INDIVIDUAL_STATUSES,
  RISK_LEVELS,
} from "@truce/db/enum-values";
import { programmeToday } from "@truce/db/programme-calendar";
import {
  agency,
  conflictChange,
  conflictMonth,
  conflictStatusEvent,
  registerCount,
  registerReview,
} from "@truce/db/schema";
import { programmeDayStart, PROGRAMME_TIME_ZONE } from "../calendar";
import type { ServiceContext } from "../context";
import { nextDay, periodSpans, programmeStart, wholeMonthsOf, withoutJit } from "./periods";
import type { ConflictsReportInput } from "./schemas";

export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];
export type IndividualStatus = (typeof INDIVIDUAL_STATUSES)[number];
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type IndividualCategory = (typeof INDIVIDUAL_CATEGORIES)[number];

/** How many days ahead a review counts as due soon. */
export const REVIEW_SOON_DAYS = 30;

/** The conflicts at the end of a period, by the status each had then. */
export interface ConflictPeriod {
  period: string;
  firstDay: string;
  lastDay: string;
  byStatus: Record<ConflictStatus, number>;
  /** Every conflict recorded by the period's end, whatever its status. */
  conflicts: number;
  /** Conflicts recorded in the period, and conflicts that became resolved in it. */
  opened: number;
  resolved: number;
}

/** The register's reviews: overdue (before today), due in the next 30 days. */
export interface Reviews {
  overdue: number;
  dueSoon: number;
}

export interface RegisterAgency extends Reviews {
  agencyId: string;
  name: string;
  people: number;
}

export interface ConflictsReport {
  filters: ConflictsReportInput;
  programmeStartedOn: string | null;
  periods: ConflictPeriod[];
  /** The register today (approved people), on the programme's calendar. */
  today: string;
  people: {
    /** People by status and risk level: a row per status. */
    byStatus: Array<{
      status: IndividualStatus;
      byRisk: Record<RiskLevel, number>;
      people: number;
    }>;
    byRisk: Record<RiskLevel, number>;
    byCategory: Record<IndividualCategory, number>;
    people: number;
  };
  reviews: Reviews;
  /** Each registering agency's people and reviews. */
  agencies: RegisterAgency[];
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Which grouping set a register row is: grouping(status, risk_level, category, agency). */
const SETS = {
  statusRisk: 0b0011,
  status: 0b0111,
  risk: 0b1011,
  category: 0b1101,
  agency: 0b1110,
  all: 0b1111,
} as const;

/**
 * Conflicts and people (DOMAIN.md, "Reports"). Two statements, each counted by PostgreSQL:
 *
 * - **Conflicts by status over time**: each conflict's status at the end of each period,
 *   from its changes (`conflict_change`: the first is its recording, each later one a change
 *   of status). A change adds one to its status and takes one from the status before it, so
 *   the conflicts in a status at a day's end are the sum of the changes up to it: the changes
 *   before the report plus a running sum of each period's (a window over the periods). The
 *   months before the report and its whole months come from `conflict_month` (kept by
 *   triggers, migration 0018); the days of its first and last month that are not a whole month
 *   of it from the changes themselves (a range of `conflict_change_changed_at_idx`). The
 *   district is a district a conflict concerns: a group party's area, or an approved
 *   individual party's district. Conflicts are the whole programme's: no agency filter.
 * - **The register today**: the approved people by status and risk, by category, and each
 *   registering agency's, with the reviews overdue and due in the next 30 days, from
 *   `register_count` and `register_review` (kept by a trigger on the people, migration 0018).
 *   The agency filter is the registering agency; the period does not apply (statuses are
 *   today's).
 */
export function conflictsReport(
  ctx: ServiceContext,
  filters: ConflictsReportInput,
): Promise<ConflictsReport> {
  const today = programmeToday();
  return withoutJit(ctx, async ({ db }) => ({
    filters,
    programmeStartedOn: await programmeStart({ db }),
    periods: await conflictPeriods(db, filters),
    today,
    ...(await registerToday(db, filters, today)),
  }));
}

async function conflictPeriods(
  db: ServiceContext["db"],
  filters: ConflictsReportInput,
): Promise<ConflictPeriod[]> {
  const district = filters.district ?? "";
  const zone = sql.raw(`'${PROGRAMME_TIME_ZONE}'`);
  const field = sql.raw(`'${filters.granularity}'`);
  // The changes of some days [from, to) as events, each a range of conflict_change_changed_at_idx
  // (in a district, through conflict_status_event): +1 to the status a change made, -1 to the
  // one before (migration 0018 says more).
  const days = (from: string, to: string) =>
    filters.district
      ? sql`
      select (e.changed_at at time zone ${zone})::date as day, e.status, e.delta, e.opened,
        e.resolved
      from ${conflictStatusEvent} e
      where e.district = ${filters.district} and e.changed_at >= ${programmeDayStart(from)}
        and e.changed_at < ${programmeDayStart(to)}`
      : // In the whole city, the changes themselves (the view's districts are not needed).
        sql`
      select (c.changed_at at time zone ${zone})::date as day, e.status, e.delta,
        e.opened, e.resolved
      from ${conflictChange} c
      cross join lateral (values
        (c.status, 1, (c.previous_status is null)::int,
          (c.status = 'resolved' and c.previous_status is distinct from 'resolved')::int),
        (c.previous_status, -1, 0, 0)
      ) as e(status, delta, opened, resolved)
      where c.changed_at >= ${programmeDayStart(from)}
        and c.changed_at < ${programmeDayStart(to)} and e.status is not null`;
  // The months before the report's first month, and its whole months, from conflict_month; the
  // days of its first and last month that are not a whole month of it, from the changes.
  const firstMonth = `${filters.from.slice(0, 7)}-01`;
  const afterTo = nextDay(filters.to);
  const whole = wholeMonthsOf(filters.from, filters.to);
  const months = (where: SQL) => sql`
      select m.month as day, m.status, m.conflicts as delta, m.opened, m.resolved
      from ${conflictMonth} m where m.district = ${district} and ${where}`;
  const facts = whole
    ? sql`${months(sql`(m.month < ${firstMonth}::date
          or (m.month >= ${whole.monthsFrom}::date and m.month < ${whole.monthsTo}::date))`)}
      union all ${days(firstMonth, whole.monthsFrom)}
      union all ${days(whole.monthsTo, afterTo)}`
    : sql`${months(sql`m.month < ${firstMonth}::date`)}
      union all ${days(firstMonth, afterTo)}`;
  const rows = await db.execute<{
    period: string;
    first_day: string;
    last_day: string;
    status: ConflictStatus | null;
    conflicts: number;
    opened: number;
    resolved: number;
  }>(sql`
    with span as (${periodSpans(filters)}),
    facts as (${facts}),
    before as (
      select status, sum(delta)::int as conflicts from facts
      where day < ${filters.from}::date
      group by status
    ),
    during as (
      select date_trunc(${field}, day::timestamp)::date as period, status,
        sum(delta)::int as delta, sum(opened)::int as opened, sum(resolved)::int as resolved
      from facts
      where day >= ${filters.from}::date and day <= ${filters.to}::date
      group by 1, 2
    ),
    by_status as (
      select s.period, s.first_day, s.last_day, st.status,
        coalesce(b.conflicts, 0) + sum(coalesce(d.delta, 0))
          over (partition by st.status order by s.period) as conflicts,
        coalesce(d.opened, 0) as opened, coalesce(d.resolved, 0) as resolved
      from span s
      cross join unnest(enum_range(null::conflict_status)) as st(status)
      left join during d on d.period = s.period and d.status = st.status
      left join before b on b.status = st.status
    )
    select period::text, first_day::text, last_day::text, status,
      sum(conflicts)::int as conflicts, sum(opened)::int as opened, sum(resolved)::int as resolved
    from by_status
    group by grouping sets ((period, first_day, last_day, status), (period, first_day, last_day))
    order by period, status nulls first`);
  const periods = new Map<string, ConflictPeriod>();
  for (const row of rows) {
    let period = periods.get(row.period);
    if (!period) {
      period = {
        period: row.period,
        firstDay: row.first_day,
        lastDay: row.last_day,
        byStatus: zeros(CONFLICT_STATUSES),
        conflicts: 0,
        opened: 0,
        resolved: 0,
      };
      periods.set(row.period, period);
    }
    // The row without a status is the period's whole: every conflict, the opened, the resolved.
    if (row.status === null) {
      Object.assign(period, {
        conflicts: row.conflicts,
        opened: row.opened,
        resolved: row.resolved,
      });
    } else period.byStatus[row.status] = row.conflicts;
  }
  return [...periods.values()];
}

async function registerToday(
  db: ServiceContext["db"],
  filters: ConflictsReportInput,
  today: string,
): Promise<Pick<ConflictsReport, "people" | "reviews" | "agencies">> {
  const district = filters.district ?? "";
  const byAgency = (column: SQL) =>
    filters.agencyId ? sql`and ${column} = ${filters.agencyId}` : sql``;
  const rows = await db.execute<{
    set: number;
    status: IndividualStatus | null;
    risk_level: RiskLevel | null;
    category: IndividualCategory | null;
    agency_id: string | null;
    name: string | null;
    people: number;
    overdue: number;
    due_soon: number;
  }>(sql`
    with counted as (
      select grouping(r.status, r.risk_level, r.category, r.registering_agency_id)::int as set,
        r.status, r.risk_level, r.category, r.registering_agency_id as agency_id,
        sum(r.people)::int as people
      from ${registerCount} r
      where r.district = ${district} ${byAgency(sql`r.registering_agency_id`)}
      group by grouping sets (
        (r.status, r.risk_level), (r.status), (r.risk_level), (r.category),
        (r.registering_agency_id), ()
      )
      having sum(r.people) > 0
    ),
    -- The reviews before today, and in the 30 days from it: one range of days.
    reviews as (
      select grouping(v.registering_agency_id)::int as set, v.registering_agency_id as agency_id,
        coalesce(sum(v.people) filter (where v.review_due < ${today}::date), 0)::int as overdue,
        coalesce(sum(v.people) filter (where v.review_due >= ${today}::date), 0)::int as due_soon
      from ${registerReview} v
      where v.district = ${district} ${byAgency(sql`v.registering_agency_id`)}
        and v.review_due < ${today}::date + ${REVIEW_SOON_DAYS}::int
      group by grouping sets ((v.registering_agency_id), ())
    )
    select c.*, coalesce(v.overdue, 0)::int as overdue, coalesce(v.due_soon, 0)::int as due_soon,
      ${agency.name} as name
    from counted c
    left join reviews v on (c.set = ${sql.raw(String(SETS.agency))} and v.set = 0 and v.agency_id = c.agency_id)
      or (c.set = ${sql.raw(String(SETS.all))} and v.set = 1)
    left join ${agency} on ${agency.id} = c.agency_id
    order by ${agency.name}, c.agency_id`);
  const byStatus = new Map(
    INDIVIDUAL_STATUSES.map((status) => [
      status,
      { status, byRisk: zeros(RISK_LEVELS), people: 0 },
    ]),
  );
  const people: ConflictsReport["people"] = {
    byStatus: [],
    byRisk: zeros(RISK_LEVELS),
    byCategory: zeros(INDIVIDUAL_CATEGORIES),
    people: 0,
  };
  const reviews: Reviews = { overdue: 0, dueSoon: 0 };
  const agencies: RegisterAgency[] = [];
  // Each row is one grouping set's figure, placed where it belongs; nothing is added here.
  for (const row of rows) {
    if (row.set === SETS.statusRisk)
      byStatus.get(row.status!)!.byRisk[row.risk_level!] = row.people;
    else if (row.set === SETS.status) byStatus.get(row.status!)!.people = row.people;
    else if (row.set === SETS.risk) people.byRisk[row.risk_level!] = row.people;
    else if (row.set === SETS.category) people.byCategory[row.category!] = row.people;
    else if (row.set === SETS.agency) {
      agencies.push({
        agencyId: row.agency_id!,
        name: row.name ?? "",
        people: row.people,
        overdue: row.overdue,
        dueSoon: row.due_soon,
      });
    } else if (row.set === SETS.all) {
      people.people = row.people;
      Object.assign(reviews, { overdue: row.overdue, dueSoon: row.due_soon });
    }
  }
  people.byStatus = [...byStatus.values()];
  return { people, reviews, agencies };
}
