import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import {
  activityReport,
  TRIAL_KINDS,
  type ActivityReport,
  type EnforcementKind,
  type InterventionKind,
} from "./activity";
import { suppressSums, type Shown, type SumRelation } from "./external";
import type { ActivityReportExportInput, ReportAudience } from "./schemas";

/** A stretch of time's activity as an export holds it. */
export interface ActivityTableFigures {
  byKind: Record<InterventionKind, Shown>;
  interventions: Shown;
  people: Shown;
  byEnforcement: Record<EnforcementKind, Shown>;
  trials: Shown;
}

export interface ActivityTableRow extends ActivityTableFigures {
  period: string;
  firstDay: string;
  lastDay: string;
}

export interface ActivityTableAgency {
  agencyId: string;
  name: string;
  byKind: Record<InterventionKind, Shown>;
  interventions: Shown;
}

/** The activity report as tables for a file: what the browser writes as CSV. */
export interface ActivityReportTable {
  filters: ActivityReport["filters"];
  audience: ReportAudience;
  exportedAt: Date;
  programmeStartedOn: string | null;
  rows: ActivityTableRow[];
  total: ActivityTableFigures;
  agencies: ActivityTableAgency[];
}

/**
 * Every figure of the report by a key of its own, and the sums among them: a period's
 * interventions are its kinds', its enforcement its sub-kinds', its trials its prosecutions
 * and trials; each total over the periods is the periods' (and a kind's, the agencies' too);
 * an agency's interventions are its kinds'.
 */
export function activityFigures(report: ActivityReport): {
  values: Map<string, number>;
  relations: SumRelation[];
} {
  const values = new Map<string, number>();
  const relations: SumRelation[] = [];
  const kinds = Object.keys(report.total.byKind) as InterventionKind[];
  const subKinds = Object.keys(report.total.byEnforcement) as EnforcementKind[];
  const figures = (at: string, f: ActivityReport["total"]) => {
    for (const kind of kinds) values.set(`${at}:kind:${kind}`, f.byKind[kind]);
    for (const sub of subKinds) values.set(`${at}:enforcement:${sub}`, f.byEnforcement[sub]);
    values.set(`${at}:interventions`, f.interventions);
    values.set(`${at}:people`, f.people);
    values.set(`${at}:trials`, f.trials);
    relations.push(
      { total: `${at}:interventions`, parts: kinds.map((kind) => `${at}:kind:${kind}`) },
      {
        total: `${at}:kind:enforcement`,
        parts: subKinds.map((sub) => `${at}:enforcement:${sub}`),
      },
      { total: `${at}:trials`, parts: TRIAL_KINDS.map((sub) => `${at}:enforcement:${sub}`) },
    );
  };
  for (const period of report.periods) figures(`period:${period.period}`, period);
  figures("total", report.total);
  const periods = report.periods.map((period) => `period:${period.period}`);
  const overPeriods = (figure: string) =>
    relations.push({ total: `total:${figure}`, parts: periods.map((at) => `${at}:${figure}`) });
  for (const kind of kinds) overPeriods(`kind:${kind}`);
  for (const sub of subKinds) overPeriods(`enforcement:${sub}`);
  for (const figure of ["interventions", "people", "trials"]) overPeriods(figure);
  for (const led of report.agencies) {
    const at = `agency:${led.agencyId}`;
    for (const kind of kinds) values.set(`${at}:kind:${kind}`, led.byKind[kind]);
    values.set(`${at}:interventions`, led.interventions);
    relations.push({
      total: `${at}:interventions`,
      parts: kinds.map((kind) => `${at}:kind:${kind}`),
    });
  }
  const agencies = report.agencies.map((led) => `agency:${led.agencyId}`);
  for (const figure of [...kinds.map((kind) => `kind:${kind}`), "interventions"]) {
    relations.push({ total: `total:${figure}`, parts: agencies.map((at) => `${at}:${figure}`) });
  }
  return { values, relations };
}

/** The report as tables for `audience`: as it is, or with small counts and their sums hidden. */
export function activityTable(
  report: ActivityReport,
  audience: ReportAudience,
  exportedAt: Date,
): ActivityReportTable {
  const base = { filters: report.filters, audience, exportedAt };
  const { values, relations } = activityFigures(report);
  const shown: ReadonlyMap<string, Shown> =
    audience === "external" ? suppressSums(values, relations) : values;
  const figure = (key: string) => shown.get(key)!;
  const kinds = Object.keys(report.total.byKind) as InterventionKind[];
  const subKinds = Object.keys(report.total.byEnforcement) as EnforcementKind[];
  const figuresAt = (at: string): ActivityTableFigures => ({
    byKind: Object.fromEntries(kinds.map((k) => [k, figure(`${at}:kind:${k}`)])) as Record<
      InterventionKind,
      Shown
    >,
    interventions: figure(`${at}:interventions`),
    people: figure(`${at}:people`),
    byEnforcement: Object.fromEntries(
      subKinds.map((sub) => [sub, figure(`${at}:enforcement:${sub}`)]),
    ) as Record<EnforcementKind, Shown>,
    trials: figure(`${at}:trials`),
  });
  return {
    ...base,
    programmeStartedOn: report.programmeStartedOn,
    rows: report.periods.map(({ period, firstDay, lastDay }) => ({
      period,
      firstDay,
      lastDay,
      ...figuresAt(`period:${period}`),
    })),
    total: figuresAt("total"),
    agencies: report.agencies.map(({ agencyId, name }) => {
      const { byKind, interventions } = figuresAt(`agency:${agencyId}`);
      return { agencyId, name, byKind, interventions };
    }),
  };
}

/** An export of the activity report, logged with its filters in the same transaction. */
export async function exportActivityReport(
  ctx: ServiceContext,
  { audience, ...filters }: ActivityReportExportInput,
): Promise<ActivityReportTable> {
  return inTransaction(ctx, async (tx) => {
    const report = await activityReport(tx, filters);
    await recordAccess(tx, {
      action: "export",
      entityType: "report",
      entityId: "activity",
      detail: { audience, filters: report.filters },
    });
    return activityTable(report, audience, new Date());
  });
}
