import { eq, sql, type SQL } from "@truce/db";
import { ENFORCEMENT_KINDS, INTERVENTION_KINDS } from "@truce/db/enum-values";
import { agency, interventionActivity, interventionMonth } from "@truce/db/schema";
import { programmeDayStart } from "../calendar";
import type { ServiceContext } from "../context";
import { periodSpans, programmeStart, wholeMonths } from "./periods";
import type { ActivityReportInput } from "./schemas";

export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];

/** The enforcement that counts as a trial started or held (DOMAIN.md: "trials"). */
export const TRIAL_KINDS = ["prosecution", "trial"] as const satisfies readonly EnforcementKind[];

/** A stretch of time's activity: what was done, by kind and enforcement sub-kind. */
export interface ActivityFigures {
  /** Done interventions by kind: call-ins held, conversations, home visits, … */
  byKind: Record<InterventionKind, number>;
  interventions: number;
  /** The people who came to the call-ins (one at two call-ins counts twice). */
  people: number;
  /** Done enforcement by sub-kind. */
  byEnforcement: Record<EnforcementKind, number>;
  /** Trials started or held: enforcement by prosecution or trial. */
  trials: number;
}

export interface ActivityPeriod extends ActivityFigures {
  /** The period's first day on its calendar; its days the report covers. */
  period: string;
  firstDay: string;
  lastDay: string;
}

/** A lead agency's interventions over the whole report, by kind. */
export interface ActivityAgency {
  agencyId: string;
  name: string;
  byKind: Record<InterventionKind, number>;
  interventions: number;
}

export interface ActivityReport {
  filters: ActivityReportInput;
  programmeStartedOn: string | null;
  periods: ActivityPeriod[];
  total: ActivityFigures;
  /** The agencies that led any of it, by name. */
  agencies: ActivityAgency[];
}

/** Which grouping set a row is: grouping(period, kind, enforcement_kind, lead_agency_id). */
const SETS = {
  periodKind: 0b0011,
  periodEnforcement: 0b0101,
  period: 0b0111,
  agencyKind: 0b1010,
  agency: 0b1110,
  kind: 0b1011,
  enforcement: 0b1101,
  all: 0b1111,
} as const;

type Row = {
  set: number;
  period: string | null;
  first_day: string | null;
  last_day: string | null;
  kind: InterventionKind | null;
  enforcement_kind: EnforcementKind | null;
  lead_agency_id: string | null;
  name: string | null;
  interventions: number;
  people: number;
  trials: number;
};

/**
 * Activity (DOMAIN.md, "Reports"): the interventions done per year, quarter or month of the
 * period, by kind and by lead agency; the call-ins held and the people who came to them; the
 * enforcement by sub-kind, and the trials started or held among it. One statement: each
 * period takes its whole months from `intervention_month` (kept by triggers, migration 0016)
 * and the days before and after them from `intervention_activity`, the view that table counts
 * (a range of `intervention_occurred_at_idx`); the grouping sets add up the periods, kinds,
 * sub-kinds, agencies and the whole, and `grouping()` says which set each row is.
 *
 * - Done interventions only: planned and cancelled ones were not done.
 * - The agency filter is the lead agency. The district is a district the intervention concerns:
 *   where one of its people lives, or its group's area (docs/reports.md); pending
 *   registrations count nowhere.
 */
export async function activityReport(
  { db }: ServiceContext,
  filters: ActivityReportInput,
): Promise<ActivityReport> {
  const district = filters.district ?? "";
  const byAgency = (column: SQL) =>
    filters.agencyId ? sql`and ${column} = ${filters.agencyId}` : sql``;
  const trials = sql.join(
    TRIAL_KINDS.map((kind) => sql`${kind}::enforcement_kind`),
    sql`, `,
  );
  const days = (from: SQL, to: SQL) => sql`
    select s.period, a.kind, a.enforcement_kind, a.lead_agency_id, 1 as interventions, a.people
    from stretch s
    join ${interventionActivity} a on a.district = ${district}
      and a.occurred_at >= ${programmeDayStart(from)} and a.occurred_at < ${programmeDayStart(to)}
      ${byAgency(sql`a.lead_agency_id`)}`;
  const rows = await db.execute<Row>(sql`
    with span as (${periodSpans({ ...filters })}),
    stretch as (
      select period, first_day, last_day, months_from, months_to,
        months_from < months_to as by_month
      from (
        select period, first_day, last_day, ${wholeMonths(sql`first_day`, sql`(last_day + 1)`)}
        from span
      ) m
    ),
    -- The whole months from intervention_month; the days before and after them (all the days
    -- of a period with no whole month) from the interventions themselves.
    facts as (
      select s.period, m.kind, m.enforcement_kind, m.lead_agency_id, m.interventions, m.people
      from stretch s
      join ${interventionMonth} m on s.by_month and m.district = ${district}
        and m.month >= s.months_from and m.month < s.months_to
        ${byAgency(sql`m.lead_agency_id`)}
      union all
      ${days(sql`s.first_day`, sql`(case when s.by_month then s.months_from else s.last_day + 1 end)`)}
      union all
      ${days(sql`(case when s.by_month then s.months_to else s.last_day + 1 end)`, sql`(s.last_day + 1)`)}
    ),
    counted as (
      select grouping(s.period, f.kind, f.enforcement_kind, f.lead_agency_id)::int as set,
        s.period::text, s.first_day::text, s.last_day::text,
        f.kind, f.enforcement_kind, f.lead_agency_id,
        coalesce(sum(f.interventions), 0)::int as interventions,
        coalesce(sum(f.people), 0)::int as people,
        coalesce(sum(f.interventions) filter (where f.enforcement_kind in (${trials})), 0)::int as trials
      from span s
      left join facts f on f.period = s.period
      group by grouping sets (
        (s.period, s.first_day, s.last_day, f.kind),
        (s.period, s.first_day, s.last_day, f.enforcement_kind),
        (s.period, s.first_day, s.last_day),
        (f.lead_agency_id, f.kind), (f.lead_agency_id), (f.kind), (f.enforcement_kind), ()
      )
    )
    select c.*, ${agency.name}
    from counted c
    left join ${agency} on ${eq(agency.id, sql`c.lead_agency_id`)}
    order by c.period nulls last, ${agency.name}, c.lead_agency_id`);

  const kindZeros = () =>
    Object.fromEntries(INTERVENTION_KINDS.map((kind) => [kind, 0])) as Record<
      InterventionKind,
      number
    >;
  const enforcementZeros = () =>
    Object.fromEntries(ENFORCEMENT_KINDS.map((kind) => [kind, 0])) as Record<
      EnforcementKind,
      number
    >;
  const figures = (): ActivityFigures => ({
    byKind: kindZeros(),
    interventions: 0,
    people: 0,
    byEnforcement: enforcementZeros(),
    trials: 0,
  });
  const periods = new Map<string, ActivityPeriod>();
  const agencies = new Map<string, ActivityAgency>();
  const total = figures();
  const periodOf = (row: Row) => {
    let period = periods.get(row.period!);
    if (!period) {
      period = {
        period: row.period!,
        firstDay: row.first_day!,
        lastDay: row.last_day!,
        ...figures(),
      };
      periods.set(row.period!, period);
    }
    return period;
  };
  const agencyOf = (row: Row) => {
    let led = agencies.get(row.lead_agency_id!);
    if (!led) {
      led = {
        agencyId: row.lead_agency_id!,
        name: row.name ?? "",
        byKind: kindZeros(),
        interventions: 0,
      };
      agencies.set(row.lead_agency_id!, led);
    }
    return led;
  };
  // Each row is one grouping set's figure, placed where it belongs; nothing is added here. A
  // null kind, sub-kind or agency in its own set is a period with nothing done, or (sub-kind)
  // the interventions that are not enforcement: no figure of its own.
  for (const row of rows) {
    switch (row.set) {
      case SETS.periodKind:
        if (row.kind) periodOf(row).byKind[row.kind] = row.interventions;
        if (row.kind === "call_in") periodOf(row).people = row.people;
        break;
      case SETS.periodEnforcement:
        if (row.enforcement_kind)
          periodOf(row).byEnforcement[row.enforcement_kind] = row.interventions;
        break;
      case SETS.period:
        Object.assign(periodOf(row), { interventions: row.interventions, trials: row.trials });
        break;
      case SETS.agencyKind:
        if (row.lead_agency_id && row.kind) agencyOf(row).byKind[row.kind] = row.interventions;
        break;
      case SETS.agency:
        if (row.lead_agency_id) agencyOf(row).interventions = row.interventions;
        break;
      case SETS.kind:
        if (row.kind) total.byKind[row.kind] = row.interventions;
        if (row.kind === "call_in") total.people = row.people;
        break;
      case SETS.enforcement:
        if (row.enforcement_kind) total.byEnforcement[row.enforcement_kind] = row.interventions;
        break;
      case SETS.all:
        Object.assign(total, { interventions: row.interventions, trials: row.trials });
        break;
    }
  }
  return {
    filters,
    programmeStartedOn: await programmeStart({ db }),
    periods: [...periods.values()],
    total,
    agencies: [...agencies.values()],
  };
}
