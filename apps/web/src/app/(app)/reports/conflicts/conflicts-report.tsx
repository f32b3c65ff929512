"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { conflictsReportInput } from "@truce/api/schemas/report";
import { CONFLICT_STATUSES, INDIVIDUAL_CATEGORIES, RISK_LEVELS } from "@truce/db/enum-values";
import { EmptyState } from "@truce/ui";
import { BarChart } from "@truce/ui/bar-chart";
import { useTRPC } from "~/trpc/react";
import { FigureTable } from "../figure-table";
import { usePeriodLabels } from "../period-labels";
import { PrintedFilters, ReportActions, ReportState } from "../report-actions";
import { readReportPlace, reportHref, reportInput } from "../report-place";
import { ReportFilters } from "../report-filters";
import { useReportExport, useReportPlace } from "../use-report";
import { conflictsCsv } from "./conflicts-csv";

type Report = WebRouterOutputs["report"]["conflicts"];

/** The statuses a conflict is still open in: the chart's bars (resolved ones only pile up). */
const OPEN_STATUSES = CONFLICT_STATUSES.filter((status) => status !== "resolved");

/** Conflicts and people below the header: the filters in the address, the charts, the tables. */
export function ConflictsReport() {
  const t = useTranslations("reports");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  const labels = usePeriodLabels();
  const filters = useReportPlace({
    read: readReportPlace,
    href: reportHref,
    input: reportInput,
    schema: conflictsReportInput,
  });
  const { options, input, valid, agencyName } = filters;
  const query = useQuery(
    trpc.report.conflicts.queryOptions(input, {
      enabled: options.isSuccess && valid,
      placeholderData: keepPreviousData,
    }),
  );
  const exporting = useReportExport(
    useMutation(trpc.report.exportConflicts.mutationOptions()),
    input,
    (table) =>
      conflictsCsv(table, {
        t,
        enumLabel: (group, value) => tEnum(`${group}.${value}`),
        periodLabel: labels.period,
        agencyName: agencyName(table.filters.agencyId),
        formatDateTime: (at) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }),
      }),
  );

  return (
    <div className="space-y-6">
      <ReportFilters
        idPrefix="conflicts"
        filters={filters}
        agencyHint={t("conflicts.agencyHint")}
        districtHint={t("conflicts.districtHint")}
      />

      <ReportState valid={valid} report={query} options={options}>
        {(report) => (
          <>
            <ReportActions idPrefix="conflicts" {...exporting} />
            <PrintedFilters
              rows={[
                [t("csv.period"), labels.range(report.filters.from, report.filters.to)],
                [t("csv.rowsBy"), t(`filters.granularity.${report.filters.granularity}`)],
                [t("csv.district"), report.filters.district ?? t("filters.allDistricts")],
                [t("csv.agency"), agencyName(report.filters.agencyId) ?? t("filters.allAgencies")],
              ]}
            />
            <ConflictFigures report={report} />
            <RegisterFigures report={report} />
          </>
        )}
      </ReportState>
    </div>
  );
}

/** The conflicts by status at each period's end: the summary, the chart and the table. */
function ConflictFigures({ report }: { report: Report }) {
  const t = useTranslations("reports");
  const tStatus = useTranslations("enums.conflictStatus");
  const format = useFormatter();
  const labels = usePeriodLabels();
  const { filters, periods } = report;
  const last = periods.at(-1);
  const started = report.programmeStartedOn;
  const markedPeriod = started
    ? periods.find((p) => p.firstDay <= started && started <= p.lastDay)
    : undefined;
  const number = (value: number) => format.number(value);
  return (
    <section className="space-y-3" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading" className="text-base font-semibold">
        {t("conflicts.byStatus")}
      </h2>
      <p className="text-sm">
        {t("conflicts.summary", {
          day: labels.day(filters.to),
          conflicts: last?.conflicts ?? 0,
          resolved: last?.byStatus.resolved ?? 0,
        })}
      </p>
      {!last || last.conflicts === 0 ? (
        <EmptyState title={t("conflicts.empty")} />
      ) : (
        <div className="print:break-inside-avoid print:[&_svg]:h-auto print:[&_svg]:max-w-full">
          <BarChart
            label={t("conflicts.chartLabel")}
            data={periods.map((p) => ({ period: p.period, ...p.byStatus }))}
            categoryKey="period"
            series={OPEN_STATUSES.map((status) => ({ key: status, label: tStatus(status) }))}
            marker={
              markedPeriod && started
                ? {
                    at: markedPeriod.period,
                    label: t("programmeStarted", { date: labels.day(started) }),
                  }
                : null
            }
            formatNumber={number}
            formatCategory={(period) => labels.period(period, filters.granularity)}
          />
        </div>
      )}
      <FigureTable
        id="conflicts-periods"
        caption={t("conflicts.tableCaption")}
        rowHeading={t("incidents.period")}
        columns={[
          ...CONFLICT_STATUSES.map((status) => ({ key: status, label: tStatus(status) })),
          { key: "all", label: t("conflicts.all"), strong: true },
          { key: "opened", label: t("conflicts.opened") },
          { key: "resolvedIn", label: t("conflicts.resolvedIn") },
        ]}
        rows={periods.map((p) => ({
          key: p.period,
          label: (
            <>
              {labels.period(p.period, filters.granularity)}
              {labels.isCut(p, filters.granularity) ? (
                <span className="block text-xs font-normal text-muted-foreground">
                  {labels.range(p.firstDay, p.lastDay)}
                </span>
              ) : null}
            </>
          ),
          values: [
            ...CONFLICT_STATUSES.map((status) => p.byStatus[status]),
            p.conflicts,
            p.opened,
            p.resolved,
          ],
        }))}
        formatNumber={number}
      />
    </section>
  );
}

/** The register today: people by status and risk, by category, and the reviews by agency. */
function RegisterFigures({ report }: { report: Report }) {
  const t = useTranslations("reports");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const labels = usePeriodLabels();
  const { people, reviews, agencies } = report;
  const number = (value: number) => format.number(value);
  return (
    <section className="space-y-3" aria-labelledby="register-heading">
      <h2 id="register-heading" className="text-base font-semibold">
        {t("conflicts.register", { day: labels.day(report.today) })}
      </h2>
      <p className="text-sm">
        {t("conflicts.registerSummary", {
          people: people.people,
          overdue: reviews.overdue,
          dueSoon: reviews.dueSoon,
        })}
      </p>
      <p className="text-sm text-muted-foreground">{t("conflicts.registerHint")}</p>
      <FigureTable
        id="register-status"
        caption={t("conflicts.statusCaption")}
        rowHeading={t("conflicts.personStatus")}
        columns={[
          ...RISK_LEVELS.map((risk) => ({ key: risk, label: tEnum(`riskLevel.${risk}`) })),
          { key: "all", label: t("conflicts.all"), strong: true },
        ]}
        rows={people.byStatus.map((row) => ({
          key: row.status,
          label: tEnum(`individualStatus.${row.status}`),
          values: [...RISK_LEVELS.map((risk) => row.byRisk[risk]), row.people],
        }))}
        total={{
          key: "total",
          label: t("csv.total"),
          values: [...RISK_LEVELS.map((risk) => people.byRisk[risk]), people.people],
        }}
        formatNumber={number}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <FigureTable
          id="register-category"
          caption={t("conflicts.categoryCaption")}
          rowHeading={t("conflicts.category")}
          columns={[{ key: "people", label: t("conflicts.people") }]}
          rows={INDIVIDUAL_CATEGORIES.map((category) => ({
            key: category,
            label: tEnum(`individualCategory.${category}`),
            values: [people.byCategory[category]],
          }))}
          formatNumber={number}
        />
        <FigureTable
          id="register-reviews"
          caption={t("conflicts.reviewsCaption")}
          rowHeading={t("conflicts.registeringAgency")}
          columns={[
            { key: "people", label: t("conflicts.people") },
            { key: "overdue", label: t("conflicts.overdue"), strong: true },
            { key: "dueSoon", label: t("conflicts.dueSoon") },
          ]}
          rows={agencies.map((led) => ({
            key: led.agencyId,
            label: led.name,
            values: [led.people, led.overdue, led.dueSoon],
          }))}
          total={{
            key: "total",
            label: t("csv.total"),
            values: [people.people, reviews.overdue, reviews.dueSoon],
          }}
          formatNumber={number}
        />
      </div>
    </section>
  );
}
