import { and, eq, gte, inArray, lt, lte, sql, type SQL } from "@truce/db";
import { individual, intervention, interventionParticipant, outcome } from "@truce/db/schema";
import { programmeDayStart } from "../calendar";
import type { ServiceContext } from "../context";
import type { ExitFunnelInput } from "./schemas";

/**
 * The steps of the way out of a violent group, in order, and the step each is a share of:
 * reached by a conversation or a call-in, accepted support, took steps to leave, relocated or
 * changed their situation at home (each, and either), left the criminal context.
 */
export const FUNNEL_STEPS = [
  { step: "reached", of: null },
  { step: "acceptedSupport", of: "reached" },
  { step: "tookSteps", of: "acceptedSupport" },
  { step: "relocatedOrChanged", of: "tookSteps" },
  { step: "relocated", of: "tookSteps" },
  { step: "changedSituation", of: "tookSteps" },
  { step: "leftCriminalContext", of: "relocatedOrChanged" },
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number]["step"];

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
 * The exit funnel (DOMAIN.md, "Reports"): how many people took each step in the period, each
 * counted once however often they took it, and each step's share of the one before. One
 * statement: each step's rows (the people of the done conversations and call-ins that reached
 * them, of the done interventions whose support they accepted, of the outcomes), then
 * `count(distinct …)` per step over the approved register only (a pending registration counts
 * nowhere), then each share from two of those counts.
 *
 * - Reached: a done call-in they came to (attended, or answered the offer of support), or a
 *   done one-to-one conversation that was delivered.
 * - The agency filter is the agency that recorded the step: the intervention's lead, the
 *   outcome's recorder. The district is the person's.
 * - Each step counts the people who took it in the period, so over a short period a step
 *   may hold people whose earlier steps came before it (docs/reports.md).
 */
export async function exitFunnel(
  { db }: ServiceContext,
  filters: ExitFunnelInput,
): Promise<ExitFunnel> {
  const starts = programmeDayStart(filters.from);
  const ends = programmeDayStart(sql`(${filters.to}::date + 1)`);
  const inPeriod = and(gte(intervention.occurredAt, starts), lt(intervention.occurredAt, ends));
  const led: SQL = filters.agencyId
    ? sql`and ${eq(intervention.leadAgencyId, filters.agencyId)}`
    : sql``;
  const recorded: SQL = filters.agencyId
    ? sql`and ${eq(outcome.recordingAgencyId, filters.agencyId)}`
    : sql``;
  const outcomeInPeriod = and(
    gte(outcome.occurredAt, filters.from),
    lte(outcome.occurredAt, filters.to),
  );
  const inDistrict: SQL = filters.district
    ? sql`and ${eq(individual.district, filters.district)}`
    : sql``;
  const steps = sql.join(
    FUNNEL_STEPS.map(({ step, of }, i) => sql`(${step}::text, ${i}::int, ${of}::text)`),
    sql`, `,
  );
  const rows = await db.execute<{
    step: FunnelStep;
    of: FunnelStep | null;
    people: number;
    share: number | null;
  }>(sql`
    with step_person(step, individual_id) as (
      select 'reached', ${interventionParticipant.individualId}
      from ${intervention}
      join ${interventionParticipant} on ${interventionParticipant.interventionId} = ${intervention.id}
      where ${inArray(intervention.kind, ["call_in", "custom_notification"])}
        and ${eq(intervention.status, "done")} and ${inPeriod} ${led}
        and (${and(eq(intervention.kind, "custom_notification"), eq(intervention.deliveryResult, "delivered"))}
          or ${and(eq(intervention.kind, "call_in"), inArray(interventionParticipant.response, ["attended", "accepted_support", "refused_support"]))})
      union all
      select 'acceptedSupport', ${interventionParticipant.individualId}
      from ${intervention}
      join ${interventionParticipant} on ${interventionParticipant.interventionId} = ${intervention.id}
      where ${eq(interventionParticipant.response, "accepted_support")}
        and ${eq(intervention.status, "done")} and ${inPeriod} ${led}
      union all
      select case ${outcome.kind}
          when 'took_steps_to_leave' then 'tookSteps'
          when 'relocated' then 'relocated'
          when 'changed_situation_at_home' then 'changedSituation'
          else 'leftCriminalContext' end,
        ${outcome.individualId}
      from ${outcome}
      where ${inArray(outcome.kind, ["took_steps_to_leave", "relocated", "changed_situation_at_home", "left_criminal_context"])}
        and ${outcomeInPeriod} ${recorded}
      union all
      select 'relocatedOrChanged', ${outcome.individualId}
      from ${outcome}
      where ${inArray(outcome.kind, ["relocated", "changed_situation_at_home"])}
        and ${outcomeInPeriod} ${recorded}
    ),
    counted as (
      select sp.step, count(distinct sp.individual_id)::int as people
      from step_person sp
      join ${individual} on ${individual.id} = sp.individual_id
      where ${eq(individual.registrationStatus, "approved")} ${inDistrict}
      group by sp.step
    )
    select s.step, s.of, coalesce(c.people, 0) as people,
      (coalesce(c.people, 0)::float8 / nullif(p.people, 0)) as share
    from (values ${steps}) as s(step, ord, of)
    left join counted c on c.step = s.step
    left join counted p on p.step = s.of
    order by s.ord`);
  return { filters, rows: [...rows] };
}
