import { sql, type SQL } from "@truce/db";
import {
  CONFLICT_STATUSES,
  INDIVIDUAL_CATEGORIES,
  INDIVIDUAL_STATUSES,
  RISK_LEVELS,
} from "@truce/db/enum-values";
import { programmeToday } from "@truce/db/programme-calendar";
import { agency, conflictChange, conflictParty, group, individual } from "@truce/db/schema";
import { programmeDayStart, PROGRAMME_TIME_ZONE } from "../calendar";
import type { ServiceContext } from "../context";
import { periodSpans, programmeStart, withoutJit } from "./periods";
import type { ConflictsReportInput, ReportGranularity } from "./schemas";

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
 *   period's changes are one range of `conflict_change_changed_at_idx`. The district is a
 *   district a conflict concerns: a group party's area, or an individual party's district.
 *   Conflicts are the whole programme's: no agency filter.
 * - **The register today**: the approved people by status and risk, by category, and each
 *   registering agency's, with the reviews overdue and due in the next 30 days, from
 *   `individual_report_idx` alone (in a district, `individual_district_idx`). The agency
 *   filter is the registering agency; the period does not apply (statuses are today's).
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

const FIELDS: Record<ReportGranularity, string> = {
  year: "year",
  quarter: "quarter",
  month: "month",
};

async function conflictPeriods(
  db: ServiceContext["db"],
  filters: ConflictsReportInput,
): Promise<ConflictPeriod[]> {
  const inDistrict: SQL = filters.district
    ? sql`and ${conflictChange.conflictId} in (
        select ${conflictParty.conflictId} from ${conflictParty}
        join ${group} on ${group.id} = ${conflictParty.groupId}
        where ${group.area} = ${filters.district}
        union
        select ${conflictParty.conflictId} from ${conflictParty}
        join ${individual} on ${individual.id} = ${conflictParty.individualId}
        where ${individual.district} = ${filters.district}
          and ${individual.registrationStatus} = 'approved')`
    : sql``;
  const field = sql.raw(`'${FIELDS[filters.granularity]}'`);
  const zone = sql.raw(`'${PROGRAMME_TIME_ZONE}'`);
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
    -- Each change as +1 to its status and -1 to the one before it; its period by its day.
    events as (
      select ${conflictChange.changedAt} as changed_at, ${conflictChange.status} as status,
        1 as delta, ${conflictChange.previousStatus} is null as opened,
        ${conflictChange.status} = 'resolved'
          and ${conflictChange.previousStatus} is distinct from 'resolved' as resolved
      from ${conflictChange} where true ${inDistrict}
      union all
      select ${conflictChange.changedAt}, ${conflictChange.previousStatus}, -1, false, false
      from ${conflictChange}
      where ${conflictChange.previousStatus} is not null ${inDistrict}
    ),
    before as (
      select status, sum(delta)::int as conflicts from events
      where changed_at < ${programmeDayStart(filters.from)}
      group by status
    ),
    during as (
      select date_trunc(${field}, changed_at at time zone ${zone})::date as period, status,
        sum(delta)::int as delta,
        count(*) filter (where opened)::int as opened,
        count(*) filter (where resolved)::int as resolved
      from events
      where changed_at >= ${programmeDayStart(filters.from)}
        and changed_at < ${programmeDayStart(sql`(${filters.to}::date + 1)`)}
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
  const where: SQL[] = [sql`${individual.registrationStatus} = 'approved'`];
  if (filters.district) where.push(sql`${individual.district} = ${filters.district}`);
  if (filters.agencyId) where.push(sql`${individual.registeringAgencyId} = ${filters.agencyId}`);
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
      select grouping(${individual.status}, ${individual.riskLevel}, ${individual.category},
          ${individual.registeringAgencyId})::int as set,
        ${individual.status} as status, ${individual.riskLevel} as risk_level,
        ${individual.category} as category, ${individual.registeringAgencyId} as agency_id,
        count(*)::int as people,
        count(*) filter (where ${individual.reviewDue} < ${today}::date)::int as overdue,
        count(*) filter (where ${individual.reviewDue} >= ${today}::date
          and ${individual.reviewDue} < ${today}::date + ${REVIEW_SOON_DAYS}::int)::int as due_soon
      from ${individual}
      where ${sql.join(where, sql` and `)}
      group by grouping sets (
        (${individual.status}, ${individual.riskLevel}), (${individual.status}),
        (${individual.riskLevel}), (${individual.category}), (${individual.registeringAgencyId}), ()
      )
    )
    select c.*, ${agency.name} as name
    from counted c
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
