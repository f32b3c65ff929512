import { eq, isNull, sql, type SQL } from "@truce/db";
import type { FUNNEL_STEPS } from "@truce/db/enum-values";
import { individualMilestone } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import type { ExitFunnelInput } from "./schemas";

/**
 * The steps of the way out of a violent group, in order, and the step each is a share of:
 * reached by a conversation or a call-in, accepted support, took steps to leave, relocated or
 * changed their situation at home (each, and either), left the criminal context.
 */
export const FUNNEL_ORDER = [
  { step: "reached", of: null },
  { step: "accepted_support", of: "reached" },
  { step: "took_steps", of: "accepted_support" },
  { step: "relocated_or_changed", of: "took_steps" },
  { step: "relocated", of: "took_steps" },
  { step: "changed_situation", of: "took_steps" },
  { step: "left_criminal_context", of: "relocated_or_changed" },
] as const satisfies ReadonlyArray<{ step: FunnelStep; of: FunnelStep | null }>;

export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** A step's people, and their share of the step it follows (null for the first, or after none). */
export interface FunnelRow {
  step: FunnelStep;
  of: FunnelStep | null;
  people: number;
  share: number | null;
}

export interface ExitFunnel {
  filters: ExitFunnelInput;
  rows: FunnelRow[];
}

/**
 * The exit funnel (DOMAIN.md, "Reports"): how many people took each step of the way out for
 * the first time in the period, and each step's share of the one before. Counted by
 * PostgreSQL from `individual_milestone`, each person's first day at each step (by any agency,
 * or by the agency asked for), which triggers keep from the case records (migration 0014): each
 * step is counted by its own lateral subquery, one range of `individual_milestone_step_idx`
 * (or, in a district, `…_district_idx`) read from the index alone, approved registrations
 * only (a pending one counts nowhere). Counted as one aggregate over the table, PostgreSQL
 * chose a parallel scan of all of it: 1 s at p95 with ten managers at once.
 *
 * - Reached: a done call-in they came to (attended, or answered the offer of support), or a
 *   done one-to-one conversation that was delivered.
 * - The agency filter is the agency that recorded the step: the intervention's lead, the
 *   outcome's recorder; the first time that agency did. The district is the person's.
 * - A person counts at a step once, in the period of their first time at it; over a short
 *   period a step may hold people whose earlier steps came before it (docs/reports.md).
 */
export async function exitFunnel(
  { db }: ServiceContext,
  filters: ExitFunnelInput,
): Promise<ExitFunnel> {
  const byAgency = filters.agencyId
    ? eq(individualMilestone.agencyId, filters.agencyId)
    : isNull(individualMilestone.agencyId);
  const inDistrict: SQL = filters.district
    ? sql`and ${eq(individualMilestone.district, filters.district)}`
    : sql``;
  const steps = sql.join(
    FUNNEL_ORDER.map(
      ({ step, of }, i) => sql`(${step}::funnel_step, ${i}::int, ${of}::funnel_step)`,
    ),
    sql`, `,
  );
  const rows = await db.execute<{
    step: FunnelStep;
    of: FunnelStep | null;
    people: number;
    share: number | null;
  }>(sql`
    with counted as (
      select s.step, c.people
      from (values ${steps}) as s(step, ord, of)
      cross join lateral (
        select count(*)::int as people
        from ${individualMilestone}
        where ${individualMilestone.approved} and ${individualMilestone.step} = s.step
          and ${byAgency}
          and ${individualMilestone.firstOn} between ${filters.from}::date and ${filters.to}::date
          ${inDistrict}
      ) as c
    )
    select s.step, s.of, c.people,
      (c.people::float8 / nullif(p.people, 0)) as share
    from (values ${steps}) as s(step, ord, of)
    join counted c on c.step = s.step
    left join counted p on p.step = s.of
    order by s.ord`);
  return { filters, rows: [...rows] };
}
