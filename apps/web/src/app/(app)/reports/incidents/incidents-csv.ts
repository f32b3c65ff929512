import type { WebRouterOutputs } from "@truce/api";
import type { ReportGranularity } from "@truce/api/schemas/report";
import { csvText, fileNameOf } from "@truce/ui/csv";
import type { IncidentKind } from "./report-place";

type Table = WebRouterOutputs["report"]["exportIncidents"];

/** What the file is written with: the user's language, and how it names periods and times. */
export interface CsvWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  kindLabel: (kind: IncidentKind) => string;
  periodLabel: (period: string, granularity: ReportGranularity) => string;
  district: string | null;
  formatDateTime: (at: Date) => string;
}

/**
 * The CSV file of an export of the incidents report, from the table the server made (so an
 * external file holds only what the server let out): the report, its filters, who the file is
 * for and when it was made, then a row per period and the total. Days are ISO dates and
 * figures plain numbers, so a spreadsheet reads them; "<5" and ".." are as the server wrote
 * them. The name says the report, the period, the cut, the district and the audience.
 */
export function incidentsCsv(table: Table, words: CsvWords): { fileName: string; text: string } {
  const { t, kindLabel, periodLabel } = words;
  const { filters } = table;
  const kinds = filters.kinds as IncidentKind[];
  const text = csvText({
    about: [
      [t("csv.report"), t("incidents.title")],
      [t("csv.period"), `${filters.from} – ${filters.to}`],
      [t("csv.rowsBy"), t(`filters.granularity.${filters.granularity}`)],
      [t("csv.district"), filters.district ?? t("filters.allDistricts")],
      [t("csv.kinds"), kinds.map(kindLabel).join(", ")],
      [t("csv.agency"), t("csv.agencyNone")],
      [t("csv.audience"), t(`csv.audiences.${table.audience}`)],
      [t("csv.programmeStarted"), table.programmeStartedOn ?? t("csv.notSet")],
      [t("csv.exportedAt"), words.formatDateTime(table.exportedAt)],
    ],
    header: [
      t("incidents.period"),
      t("incidents.firstDay"),
      t("incidents.lastDay"),
      ...kinds.map(kindLabel),
      t("incidents.all"),
      `${t("incidents.change")} (${t("incidents.changeHint")})`,
      t("incidents.dead"),
      t("incidents.injured"),
    ],
    rows: [
      ...table.rows.map((row) => [
        periodLabel(row.period, filters.granularity),
        row.firstDay,
        row.lastDay,
        ...kinds.map((kind) => row.byKind[kind]),
        row.incidents,
        row.change,
        row.dead,
        row.injured,
      ]),
      [
        t("csv.total"),
        filters.from,
        filters.to,
        ...kinds.map((kind) => table.total.byKind[kind]),
        table.total.incidents,
        "",
        table.total.dead,
        table.total.injured,
      ],
    ],
  });
  const fileName = fileNameOf(
    [
      t("incidents.fileName"),
      filters.from,
      filters.to,
      t(`filters.granularity.${filters.granularity}`),
      ...(filters.district ? [filters.district] : []),
      table.audience === "external" ? "external" : "internal",
    ],
    "csv",
  );
  return { fileName, text };
}
