import type { WebRouterOutputs } from "@truce/api";
import type { ReportGranularity } from "@truce/api/schemas/report";
import { ENFORCEMENT_KINDS, INTERVENTION_KINDS } from "@truce/db/enum-values";
import { csvText, fileNameOf } from "@truce/ui/csv";

type Table = WebRouterOutputs["report"]["exportActivity"];
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];

export interface ActivityCsvWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  kindLabel: (kind: InterventionKind) => string;
  enforcementLabel: (kind: EnforcementKind) => string;
  periodLabel: (period: string, granularity: ReportGranularity) => string;
  agencyName: string | null;
  formatDateTime: (at: Date) => string;
}

/**
 * The CSV file of an export of the activity report, from the tables the server made: the
 * report, its filters, the audience and the time; then a row per period (each kind, all of
 * them, the people at call-ins, each enforcement sub-kind, the trials) and the total; then a
 * row per lead agency. "<5" and ".." are as the server wrote them.
 */
export function activityCsv(table: Table, words: ActivityCsvWords) {
  const { t, kindLabel, enforcementLabel, periodLabel } = words;
  const { filters } = table;
  const figures = (f: Table["total"]) => [
    ...INTERVENTION_KINDS.map((kind) => f.byKind[kind]),
    f.interventions,
    f.people,
    ...ENFORCEMENT_KINDS.map((kind) => f.byEnforcement[kind]),
    f.trials,
  ];
  const text = csvText({
    about: [
      [t("csv.report"), t("activity.title")],
      [t("csv.period"), `${filters.from} – ${filters.to}`],
      [t("csv.rowsBy"), t(`filters.granularity.${filters.granularity}`)],
      [t("csv.district"), filters.district ?? t("filters.allDistricts")],
      [t("csv.agency"), words.agencyName ?? t("filters.allAgencies")],
      [t("csv.audience"), t(`csv.audiences.${table.audience}`)],
      [t("csv.programmeStarted"), table.programmeStartedOn ?? t("csv.notSet")],
      [t("csv.exportedAt"), words.formatDateTime(table.exportedAt)],
    ],
    header: [
      t("incidents.period"),
      t("incidents.firstDay"),
      t("incidents.lastDay"),
      ...INTERVENTION_KINDS.map(kindLabel),
      t("activity.all"),
      t("activity.people"),
      ...ENFORCEMENT_KINDS.map(enforcementLabel),
      t("activity.trials"),
    ],
    rows: [
      ...table.rows.map((row) => [
        periodLabel(row.period, filters.granularity),
        row.firstDay,
        row.lastDay,
        ...figures(row),
      ]),
      [t("csv.total"), filters.from, filters.to, ...figures(table.total)],
    ],
    more: [
      {
        header: [t("activity.leadAgency"), ...INTERVENTION_KINDS.map(kindLabel), t("activity.all")],
        rows: table.agencies.map((led) => [
          led.name,
          ...INTERVENTION_KINDS.map((kind) => led.byKind[kind]),
          led.interventions,
        ]),
      },
    ],
  });
  const fileName = fileNameOf(
    [
      t("activity.fileName"),
      filters.from,
      filters.to,
      t(`filters.granularity.${filters.granularity}`),
      ...(words.agencyName ? [words.agencyName] : []),
      ...(filters.district ? [filters.district] : []),
      table.audience,
    ],
    "csv",
  );
  return { fileName, text };
}
