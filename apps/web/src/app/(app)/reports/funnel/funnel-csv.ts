import type { WebRouterOutputs } from "@truce/api";
import { csvText, fileNameOf } from "@truce/ui/csv";

type Table = WebRouterOutputs["report"]["exportFunnel"];

export interface FunnelCsvWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  agencyName: string | null;
  formatDateTime: (at: Date) => string;
}

/**
 * The CSV file of an export of the exit funnel, from the table the server made: the report,
 * its filters, the audience and the time, then a row per step with its people and its share of
 * the step before (a fraction, 0.4 for 40%; ".." where withheld, empty where there is none).
 */
export function funnelCsv(table: Table, { t, agencyName, formatDateTime }: FunnelCsvWords) {
  const { filters } = table;
  const text = csvText({
    about: [
      [t("csv.report"), t("funnel.title")],
      [t("csv.period"), `${filters.from} – ${filters.to}`],
      [t("csv.district"), filters.district ?? t("filters.allDistricts")],
      [t("csv.agency"), agencyName ?? t("filters.allAgencies")],
      [t("csv.audience"), t(`csv.audiences.${table.audience}`)],
      [t("csv.exportedAt"), formatDateTime(table.exportedAt)],
    ],
    header: [t("funnel.step"), t("funnel.people"), t("funnel.ofStep"), t("funnel.share")],
    rows: table.rows.map((row) => [
      t(`funnel.steps.${row.step}`),
      row.people,
      row.of ? t(`funnel.steps.${row.of}`) : "",
      row.share === null
        ? ""
        : typeof row.share === "number"
          ? Math.round(row.share * 1000) / 1000
          : row.share,
    ]),
  });
  const fileName = fileNameOf(
    [
      t("funnel.fileName"),
      filters.from,
      filters.to,
      ...(agencyName ? [agencyName] : []),
      ...(filters.district ? [filters.district] : []),
      table.audience,
    ],
    "csv",
  );
  return { fileName, text };
}
