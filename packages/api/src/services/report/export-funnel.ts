import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { externalCount, isShown, WITHHELD, type Shown } from "./external";
import { exitFunnel, type ExitFunnel, type FunnelStep } from "./funnel";
import type { ExitFunnelExportInput, ReportAudience } from "./schemas";

/** A step of the exit funnel as an export holds it: its people and its share of the step before. */
export interface FunnelTableRow {
  step: FunnelStep;
  of: FunnelStep | null;
  people: Shown;
  /** The share of the step before (0 to 1 or more); null where there is none to take. */
  share: number | typeof WITHHELD | null;
}

export interface FunnelReportTable {
  filters: ExitFunnel["filters"];
  audience: ReportAudience;
  exportedAt: Date;
  rows: FunnelTableRow[];
}

/**
 * The funnel for people outside the programme: a count from 1 to 4 shows as "<5"; a share is
 * shown only when both its counts are (a share and one count give the other). "Relocated or
 * changed their situation at home" is withheld when the people who did both are from 1 to 4:
 * the two counts less it would give them away.
 */
function externalRows(funnel: ExitFunnel): FunnelTableRow[] {
  const people = new Map(funnel.rows.map((row) => [row.step, row.people]));
  const both =
    (people.get("relocated") ?? 0) +
    (people.get("changed_situation") ?? 0) -
    (people.get("relocated_or_changed") ?? 0);
  const shown = new Map<FunnelStep, Shown>(
    funnel.rows.map((row) => [
      row.step,
      row.step === "relocated_or_changed" && both >= 1 && both <= 4
        ? WITHHELD
        : externalCount(row.people),
    ]),
  );
  return funnel.rows.map((row) => {
    const count = shown.get(row.step)!;
    const of = row.of ? shown.get(row.of)! : null;
    return {
      step: row.step,
      of: row.of,
      people: count,
      share:
        row.share === null
          ? null
          : isShown(count) && of !== null && isShown(of)
            ? row.share
            : WITHHELD,
    };
  });
}

/** The funnel as a table for `audience`. */
export function funnelTable(
  funnel: ExitFunnel,
  audience: ReportAudience,
  exportedAt: Date,
): FunnelReportTable {
  return {
    filters: funnel.filters,
    audience,
    exportedAt,
    rows: audience === "external" ? externalRows(funnel) : funnel.rows,
  };
}

/** An export of the exit funnel, logged with its filters in the same transaction. */
export async function exportExitFunnel(
  ctx: ServiceContext,
  { audience, ...filters }: ExitFunnelExportInput,
): Promise<FunnelReportTable> {
  return inTransaction(ctx, async (tx) => {
    const funnel = await exitFunnel(tx, filters);
    await recordAccess(tx, {
      action: "export",
      entityType: "report",
      entityId: "exitFunnel",
      detail: { audience, filters: funnel.filters },
    });
    return funnelTable(funnel, audience, new Date());
  });
}
