import type { ServiceContext } from "../context";
import { inTransaction } from "../context";
import { recordAccess } from "../access-log/record-access";
import { externalCount, externalTotal, isShown, type Shown } from "./external";
import { incidentReport, type IncidentKind, type IncidentReport } from "./incidents";
import type { IncidentReportExportInput, ReportAudience } from "./schemas";

/** A row of the incidents report's table as an export holds it. */
export interface IncidentTableRow {
  period: string;
  firstDay: string;
  lastDay: string;
  byKind: Record<IncidentKind, Shown>;
  incidents: Shown;
  change: Shown;
  dead: Shown;
  injured: Shown;
}

/** The incidents report as a table for a file: what the browser writes as CSV. */
export interface IncidentReportTable {
  filters: IncidentReport["filters"];
  audience: ReportAudience;
  /** When the export was made (the access log's row has the same moment). */
  exportedAt: Date;
  programmeStartedOn: string | null;
  rows: IncidentTableRow[];
  total: Pick<IncidentTableRow, "byKind" | "incidents" | "dead" | "injured">;
}

type KindFigures = Record<IncidentKind, Shown>;

const mapKinds = <T>(kinds: Record<IncidentKind, T>, f: (value: T, kind: IncidentKind) => Shown) =>
  Object.fromEntries(
    Object.entries(kinds).map(([kind, value]) => [kind, f(value as T, kind as IncidentKind)]),
  ) as KindFigures;

/** The report's figures as they are, for the programme's own use. */
function internalTable(
  report: IncidentReport,
): Omit<IncidentReportTable, "audience" | "exportedAt"> {
  return {
    filters: report.filters,
    programmeStartedOn: report.programmeStartedOn,
    rows: report.periods.map(({ previous: _p, previousByKind: _k, ...period }) => period),
    total: report.total,
  };
}

/**
 * The report's figures for people outside the programme: every count from 1 to 4 shows as
 * "<5", and every figure from which one could be worked out is withheld ("..").
 *
 * - A period's incidents, withheld when any of its kinds is hidden (the total less the kinds
 *   shown gives the hidden one); a kind's total over the periods, when any period's is.
 * - The whole report's incidents, when any period's total or any kind's total is withheld:
 *   with the others shown, it would give that one back.
 * - A period's change, unless both its incidents and the previous days' would be shown in
 *   full: the change less the incidents gives the previous days', which may be a row above
 *   with a kind hidden, or a count from 1 to 4 of days before the report.
 * - Dead and injured as counts, and their totals when every period's is shown.
 */
function externalTable(
  report: IncidentReport,
): Omit<IncidentReportTable, "audience" | "exportedAt"> {
  const rows = report.periods.map((period): IncidentTableRow => {
    const byKind = mapKinds(period.byKind, externalCount);
    const incidents = externalTotal(period.incidents, Object.values(byKind));
    const previousKinds = Object.values(mapKinds(period.previousByKind, externalCount));
    const previous = externalTotal(period.previous, previousKinds);
    return {
      period: period.period,
      firstDay: period.firstDay,
      lastDay: period.lastDay,
      byKind,
      incidents,
      change: isShown(incidents) && isShown(previous) ? period.change : "..",
      dead: externalCount(period.dead),
      injured: externalCount(period.injured),
    };
  });
  const byKind = mapKinds(report.total.byKind, (count, kind) =>
    externalTotal(
      count,
      rows.map((row) => row.byKind[kind]),
    ),
  );
  return {
    filters: report.filters,
    programmeStartedOn: report.programmeStartedOn,
    rows,
    total: {
      byKind,
      incidents: externalTotal(report.total.incidents, [
        ...rows.map((row) => row.incidents),
        ...Object.values(byKind),
      ]),
      dead: externalTotal(
        report.total.dead,
        rows.map((row) => row.dead),
      ),
      injured: externalTotal(
        report.total.injured,
        rows.map((row) => row.injured),
      ),
    },
  };
}

/** The incidents report as a table for `audience`. */
export function incidentReportTable(
  report: IncidentReport,
  audience: ReportAudience,
  exportedAt: Date,
): IncidentReportTable {
  const table = audience === "external" ? externalTable(report) : internalTable(report);
  return { ...table, audience, exportedAt };
}

/**
 * An export of the incidents report: its table for the audience, with the export in the
 * access log (the report, the filters and the audience: no figure, no person), in one
 * transaction so no file leaves unlogged.
 */
export async function exportIncidentReport(
  ctx: ServiceContext,
  { audience, ...filters }: IncidentReportExportInput,
): Promise<IncidentReportTable> {
  return inTransaction(ctx, async (tx) => {
    const report = await incidentReport(tx, filters);
    await recordAccess(tx, {
      action: "export",
      entityType: "report",
      entityId: "incidents",
      detail: { audience, filters: report.filters },
    });
    return incidentReportTable(report, audience, new Date());
  });
}
