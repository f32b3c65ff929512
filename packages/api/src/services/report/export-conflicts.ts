import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import type {
  ConflictsReport,
  ConflictStatus,
  IndividualCategory,
  IndividualStatus,
  RiskLevel,
} from "./conflicts";
import { conflictsReport } from "./conflicts";
import { suppressSums, type Shown, type SumRelation } from "./external";
import type { ConflictsReportExportInput, ReportAudience } from "./schemas";

/** The conflicts and people report as tables for a file: what the browser writes as CSV. */
export interface ConflictsReportTable {
  filters: ConflictsReport["filters"];
  audience: ReportAudience;
  exportedAt: Date;
  programmeStartedOn: string | null;
  today: string;
  periods: Array<{
    period: string;
    firstDay: string;
    lastDay: string;
    byStatus: Record<ConflictStatus, Shown>;
    conflicts: Shown;
    opened: Shown;
    resolved: Shown;
  }>;
  people: {
    byStatus: Array<{ status: IndividualStatus; byRisk: Record<RiskLevel, Shown>; people: Shown }>;
    byRisk: Record<RiskLevel, Shown>;
    byCategory: Record<IndividualCategory, Shown>;
    people: Shown;
  };
  reviews: { overdue: Shown; dueSoon: Shown };
  agencies: Array<{
    agencyId: string;
    name: string;
    people: Shown;
    overdue: Shown;
    dueSoon: Shown;
  }>;
}

const keysOf = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];

/**
 * Every figure of the report by a key of its own, and the sums among them: a period's
 * conflicts are its statuses'; a status's people are its risk levels', a risk level's its
 * statuses'; everyone is the statuses', the risk levels', the categories' and the agencies';
 * the reviews overdue and due soon are the agencies'.
 */
export function conflictsFigures(report: ConflictsReport) {
  const values = new Map<string, number>();
  const relations: SumRelation[] = [];
  for (const p of report.periods) {
    const at = `period:${p.period}`;
    const statuses = keysOf(p.byStatus);
    for (const status of statuses) values.set(`${at}:${status}`, p.byStatus[status]);
    values.set(`${at}:conflicts`, p.conflicts);
    values.set(`${at}:opened`, p.opened);
    values.set(`${at}:resolved`, p.resolved);
    relations.push({ total: `${at}:conflicts`, parts: statuses.map((s) => `${at}:${s}`) });
  }
  const { people } = report;
  const risks = keysOf(people.byRisk);
  for (const row of people.byStatus) {
    for (const risk of risks) values.set(`people:${row.status}:${risk}`, row.byRisk[risk]);
    values.set(`people:${row.status}`, row.people);
    relations.push({
      total: `people:${row.status}`,
      parts: risks.map((risk) => `people:${row.status}:${risk}`),
    });
  }
  for (const risk of risks) {
    values.set(`risk:${risk}`, people.byRisk[risk]);
    relations.push({
      total: `risk:${risk}`,
      parts: people.byStatus.map((row) => `people:${row.status}:${risk}`),
    });
  }
  const categories = keysOf(people.byCategory);
  for (const category of categories)
    values.set(`category:${category}`, people.byCategory[category]);
  values.set("people", people.people);
  values.set("overdue", report.reviews.overdue);
  values.set("dueSoon", report.reviews.dueSoon);
  for (const led of report.agencies) {
    values.set(`agency:${led.agencyId}:people`, led.people);
    values.set(`agency:${led.agencyId}:overdue`, led.overdue);
    values.set(`agency:${led.agencyId}:dueSoon`, led.dueSoon);
  }
  const agencies = report.agencies.map((led) => `agency:${led.agencyId}`);
  relations.push(
    { total: "people", parts: people.byStatus.map((row) => `people:${row.status}`) },
    { total: "people", parts: risks.map((risk) => `risk:${risk}`) },
    { total: "people", parts: categories.map((category) => `category:${category}`) },
    { total: "people", parts: agencies.map((at) => `${at}:people`) },
    { total: "overdue", parts: agencies.map((at) => `${at}:overdue`) },
    { total: "dueSoon", parts: agencies.map((at) => `${at}:dueSoon`) },
  );
  return { values, relations };
}

/** The report as tables for `audience`: as it is, or with small counts and their sums hidden. */
export function conflictsTable(
  report: ConflictsReport,
  audience: ReportAudience,
  exportedAt: Date,
): ConflictsReportTable {
  const { values, relations } = conflictsFigures(report);
  const shown: ReadonlyMap<string, Shown> =
    audience === "external" ? suppressSums(values, relations) : values;
  const figure = (key: string) => shown.get(key)!;
  const map = <K extends string>(keys: readonly K[], key: (k: K) => string) =>
    Object.fromEntries(keys.map((k) => [k, figure(key(k))])) as Record<K, Shown>;
  const { people } = report;
  const risks = keysOf(people.byRisk);
  return {
    filters: report.filters,
    audience,
    exportedAt,
    programmeStartedOn: report.programmeStartedOn,
    today: report.today,
    periods: report.periods.map((p) => {
      const at = `period:${p.period}`;
      return {
        period: p.period,
        firstDay: p.firstDay,
        lastDay: p.lastDay,
        byStatus: map(keysOf(p.byStatus), (s) => `${at}:${s}`),
        conflicts: figure(`${at}:conflicts`),
        opened: figure(`${at}:opened`),
        resolved: figure(`${at}:resolved`),
      };
    }),
    people: {
      byStatus: people.byStatus.map((row) => ({
        status: row.status,
        byRisk: map(risks, (risk) => `people:${row.status}:${risk}`),
        people: figure(`people:${row.status}`),
      })),
      byRisk: map(risks, (risk) => `risk:${risk}`),
      byCategory: map(keysOf(people.byCategory), (category) => `category:${category}`),
      people: figure("people"),
    },
    reviews: { overdue: figure("overdue"), dueSoon: figure("dueSoon") },
    agencies: report.agencies.map((led) => ({
      agencyId: led.agencyId,
      name: led.name,
      people: figure(`agency:${led.agencyId}:people`),
      overdue: figure(`agency:${led.agencyId}:overdue`),
      dueSoon: figure(`agency:${led.agencyId}:dueSoon`),
    })),
  };
}

/** An export of the conflicts and people report, logged with its filters in the same transaction. */
export async function exportConflictsReport(
  ctx: ServiceContext,
  { audience, ...filters }: ConflictsReportExportInput,
): Promise<ConflictsReportTable> {
  return inTransaction(ctx, async (tx) => {
    const report = await conflictsReport(tx, filters);
    await recordAccess(tx, {
      action: "export",
      entityType: "report",
      entityId: "conflictsAndPeople",
      detail: { audience, filters: report.filters },
    });
    return conflictsTable(report, audience, new Date());
  });
}
