import { eq, sql, type SQL } from "@truce/db";
import { ENFORCEMENT_KINDS, INTERVENTION_KINDS } from "@truce/db/enum-values";
import {
  agency,
  individual,
  intervention,
  interventionActivity,
  interventionMonth,
  interventionParticipant,
} from "@truce/db/schema";
import { programmeDayStart, PROGRAMME_TIME_ZONE } from "../calendar";
import type { ServiceContext } from "../context";
import { nextDay, periodSpans, programmeStart, wholeMonthsOf, withoutJit } from "./periods";
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
export function activityReport(
  ctx: ServiceContext,
  filters: ActivityReportInput,
): Promise<ActivityReport> {
  return withoutJit(ctx, ({ db }) => countActivity(db, filters));
}

async function countActivity(
  db: ServiceContext["db"],
  filters: ActivityReportInput,
): Promise<ActivityReport> {
  const district = filters.district ?? "";
  const byAgency = (column: SQL) =>
    filters.agencyId ? sql`and ${column} = ${filters.agencyId}` : sql``;
  const trials = sql.join(
    TRIAL_KINDS.map((kind) => sql`${kind}::enforcement_kind`),
    sql`, `,
  );
  // The days outside whole months, each a range of intervention_occurred_at_idx whose bounds
  // are in the statement (with bounds from a row of periods, PostgreSQL scanned all 2,000,000
  // interventions). A day's row is the period its programme day falls in.
  const zone = sql.raw(`'${PROGRAMME_TIME_ZONE}'`);
  const field = sql.raw(`'${filters.granularity}'`);
  // In the whole city, the interventions themselves (the view's districts are not needed).
  const days = (from: string, to: string) =>
    filters.district
      ? sql`
    select date_trunc(${field}, a.occurred_at at time zone ${zone})::date as period,
      a.kind, a.enforcement_kind, a.lead_agency_id, 1 as interventions, a.people
    from ${interventionActivity} a
    where a.district = ${filters.district}
      and a.occurred_at >= ${programmeDayStart(from)} and a.occurred_at < ${programmeDayStart(to)}
      ${byAgency(sql`a.lead_agency_id`)}`
      : sql`
    select date_trunc(${field}, ${intervention.occurredAt} at time zone ${zone})::date as period,
      ${intervention.kind}, ${intervention.enforcementKind}, ${intervention.leadAgencyId},
      1 as interventions,
      case when ${intervention.kind} = 'call_in' then (
        select count(*)::int from ${interventionParticipant}
        join ${individual} on ${individual.id} = ${interventionParticipant.individualId}
          and ${individual.registrationStatus} = 'approved'
        where ${interventionParticipant.interventionId} = ${intervention.id}
          and ${interventionParticipant.response} in ('attended', 'accepted_support', 'refused_support')
      ) else 0 end as people
    from ${intervention}
    where ${intervention.status} = 'done'
      and ${intervention.occurredAt} >= ${programmeDayStart(from)}
      and ${intervention.occurredAt} < ${programmeDayStart(to)}
      ${byAgency(sql`${intervention.leadAgencyId}`)}`;
  const afterTo = nextDay(filters.to);
  const months = wholeMonthsOf(filters.from, filters.to);
  const facts = months
    ? sql`
      select date_trunc(${field}, m.month::timestamp)::date as period, m.kind, m.enforcement_kind,
        m.lead_agency_id, m.interventions, m.people
      from ${interventionMonth} m
      where m.district = ${district}
        and m.month >= ${months.monthsFrom}::date and m.month < ${months.monthsTo}::date
        ${byAgency(sql`m.lead_agency_id`)}
      union all ${days(filters.from, months.monthsFrom)}
      union all ${days(months.monthsTo, afterTo)}`
    : days(filters.from, afterTo);
  const rows = await db.execute<Row>(sql`
    with span as (${periodSpans({ ...filters })}),
    -- The whole months from intervention_month; the days before and after them from the
    -- interventions themselves.
    facts as (${facts}),
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
