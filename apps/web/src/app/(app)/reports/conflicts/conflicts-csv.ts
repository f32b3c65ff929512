import type { WebRouterOutputs } from "@truce/api";
import type { ReportGranularity } from "@truce/api/schemas/report";
import { CONFLICT_STATUSES, INDIVIDUAL_CATEGORIES, RISK_LEVELS } from "@truce/db/enum-values";
import { csvText, fileNameOf } from "@truce/ui/csv";

type Table = WebRouterOutputs["report"]["exportConflicts"];

export interface ConflictsCsvWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  /** An enum's value by its group: "conflictStatus", "individualStatus", "riskLevel", … */
  enumLabel: (group: string, value: string) => string;
  periodLabel: (period: string, granularity: ReportGranularity) => string;
  agencyName: string | null;
  formatDateTime: (at: Date) => string;
}

/**
 * The CSV file of an export of the conflicts and people report, from the tables the server
 * made: the report, its filters, the audience and the time; the conflicts by status at each
 * period's end; then the register today by status and risk, by category, and each registering
 * agency's reviews. "<5" and ".." are as the server wrote them.
 */
export function conflictsCsv(table: Table, words: ConflictsCsvWords) {
  const { t, enumLabel, periodLabel } = words;
  const { filters, people } = table;
  const text = csvText({
    about: [
      [t("csv.report"), t("conflicts.title")],
      [t("csv.period"), `${filters.from} – ${filters.to}`],
      [t("csv.rowsBy"), t(`filters.granularity.${filters.granularity}`)],
      [t("csv.district"), filters.district ?? t("filters.allDistricts")],
      [t("csv.agency"), words.agencyName ?? t("filters.allAgencies")],
      [t("conflicts.registerOn"), table.today],
      [t("csv.audience"), t(`csv.audiences.${table.audience}`)],
      [t("csv.programmeStarted"), table.programmeStartedOn ?? t("csv.notSet")],
      [t("csv.exportedAt"), words.formatDateTime(table.exportedAt)],
    ],
    header: [
      t("incidents.period"),
      t("incidents.firstDay"),
      t("incidents.lastDay"),
      ...CONFLICT_STATUSES.map((status) => enumLabel("conflictStatus", status)),
      t("conflicts.all"),
      t("conflicts.opened"),
      t("conflicts.resolvedIn"),
    ],
    rows: table.periods.map((p) => [
      periodLabel(p.period, filters.granularity),
      p.firstDay,
      p.lastDay,
      ...CONFLICT_STATUSES.map((status) => p.byStatus[status]),
      p.conflicts,
      p.opened,
      p.resolved,
    ]),
    more: [
      {
        header: [
          t("conflicts.personStatus"),
          ...RISK_LEVELS.map((risk) => enumLabel("riskLevel", risk)),
          t("conflicts.all"),
        ],
        rows: [
          ...people.byStatus.map((row) => [
            enumLabel("individualStatus", row.status),
            ...RISK_LEVELS.map((risk) => row.byRisk[risk]),
            row.people,
          ]),
          [t("csv.total"), ...RISK_LEVELS.map((risk) => people.byRisk[risk]), people.people],
        ],
      },
      {
        header: [t("conflicts.category"), t("conflicts.people")],
        rows: INDIVIDUAL_CATEGORIES.map((category) => [
          enumLabel("individualCategory", category),
          people.byCategory[category],
        ]),
      },
      {
        header: [
          t("conflicts.registeringAgency"),
          t("conflicts.people"),
          t("conflicts.overdue"),
          t("conflicts.dueSoon"),
        ],
        rows: [
          ...table.agencies.map((led) => [led.name, led.people, led.overdue, led.dueSoon]),
          [t("csv.total"), people.people, table.reviews.overdue, table.reviews.dueSoon],
        ],
      },
    ],
  });
  const fileName = fileNameOf(
    [
      t("conflicts.fileName"),
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
