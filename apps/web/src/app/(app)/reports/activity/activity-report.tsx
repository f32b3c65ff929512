"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { activityReportInput } from "@truce/api/schemas/report";
import { ENFORCEMENT_KINDS, INTERVENTION_KINDS } from "@truce/db/enum-values";
import { EmptyState } from "@truce/ui";
import { BarChart } from "@truce/ui/bar-chart";
import { useTRPC } from "~/trpc/react";
import { FigureTable } from "../figure-table";
import { usePeriodLabels } from "../period-labels";
import { PrintedFilters, ReportActions, ReportState } from "../report-actions";
import { ReportFilters } from "../report-filters";
import { useReportExport, useReportPlace } from "../use-report";
import { activityCsv, type EnforcementKind } from "./activity-csv";
import { reportHref, reportInput, readReportPlace } from "../report-place";

type Report = WebRouterOutputs["report"]["activity"];

/** The enforcement sub-kinds' names as column headings: "Arrest", "Gripande". */
function useEnforcementLabel() {
  const tEnum = useTranslations("enums.enforcementKind");
  const locale = useLocale();
  return (kind: EnforcementKind) => {
    const name = tEnum(kind);
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  };
}

/** The activity report below its header: the filters in the address, the chart, the tables. */
export function ActivityReport() {
  const t = useTranslations("reports");
  const tKind = useTranslations("enums.interventionKind");
  const enforcementLabel = useEnforcementLabel();
  const format = useFormatter();
  const trpc = useTRPC();
  const labels = usePeriodLabels();
  const filters = useReportPlace({
    read: readReportPlace,
    href: reportHref,
    input: reportInput,
    schema: activityReportInput,
  });
  const { options, input, valid, agencyName } = filters;
  const query = useQuery(
    trpc.report.activity.queryOptions(input, {
      enabled: options.isSuccess && valid,
      placeholderData: keepPreviousData,
    }),
  );
  const exporting = useReportExport(
    useMutation(trpc.report.exportActivity.mutationOptions()),
    input,
    (table) =>
      activityCsv(table, {
        t,
        kindLabel: (kind) => tKind(kind),
        enforcementLabel,
        periodLabel: labels.period,
        agencyName: agencyName(table.filters.agencyId),
        formatDateTime: (at) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }),
      }),
  );

  return (
    <div className="space-y-6">
      <ReportFilters
        idPrefix="activity"
        filters={filters}
        agencyHint={t("activity.agencyHint")}
        districtHint={t("activity.districtHint")}
      />

      <ReportState valid={valid} report={query} options={options}>
        {(report) => (
          <>
            <ReportActions idPrefix="activity" {...exporting} />
            <ActivityPrinted report={report} agency={agencyName(report.filters.agencyId)} />
            <ActivityFigures report={report} />
          </>
        )}
      </ReportState>
    </div>
  );
}

function ActivityPrinted({ report, agency }: { report: Report; agency: string | null }) {
  const t = useTranslations("reports");
  const labels = usePeriodLabels();
  const { filters } = report;
  return (
    <PrintedFilters
      rows={[
        [t("csv.period"), labels.range(filters.from, filters.to)],
        [t("csv.rowsBy"), t(`filters.granularity.${filters.granularity}`)],
        [t("csv.district"), filters.district ?? t("filters.allDistricts")],
        [t("csv.agency"), agency ?? t("filters.allAgencies")],
      ]}
    />
  );
}

/** The summary, the chart and the three tables of one report. */
function ActivityFigures({ report }: { report: Report }) {
  const t = useTranslations("reports");
  const tKind = useTranslations("enums.interventionKind");
  const enforcementLabel = useEnforcementLabel();
  const format = useFormatter();
  const labels = usePeriodLabels();
  const { filters, periods, total, agencies } = report;
  const started = report.programmeStartedOn;
  const markedPeriod = started
    ? periods.find((p) => p.firstDay <= started && started <= p.lastDay)
    : undefined;
  const number = (value: number) => format.number(value);
  const periodLabel = (p: Report["periods"][number]) => (
    <>
      {labels.period(p.period, filters.granularity)}
      {labels.isCut(p, filters.granularity) ? (
        <span className="block text-xs font-normal text-muted-foreground">
          {labels.range(p.firstDay, p.lastDay)}
        </span>
      ) : null}
    </>
  );
  const kindColumns = [
    ...INTERVENTION_KINDS.map((kind) => ({ key: kind, label: tKind(kind) })),
    { key: "all", label: t("activity.all"), strong: true },
  ];

  return (
    <>
      <p className="text-sm">
        {t("activity.summary", {
          interventions: total.interventions,
          callIns: total.byKind.call_in,
          people: total.people,
          trials: total.trials,
          from: labels.day(filters.from),
          to: labels.day(filters.to),
        })}{" "}
        {started ? t("programmeStarted", { date: labels.day(started) }) : t("noProgrammeStart")}
      </p>
      {total.interventions === 0 ? (
        <EmptyState title={t("activity.empty")} />
      ) : (
        <div className="print:break-inside-avoid print:[&_svg]:h-auto print:[&_svg]:max-w-full">
          <BarChart
            label={t("activity.chartLabel")}
            data={periods.map((p) => ({ period: p.period, ...p.byKind }))}
            categoryKey="period"
            series={INTERVENTION_KINDS.map((kind) => ({ key: kind, label: tKind(kind) }))}
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

      <section className="space-y-2" aria-labelledby="activity-kinds-heading">
        <h2 id="activity-kinds-heading" className="text-base font-semibold">
          {t("activity.byKind")}
        </h2>
        <FigureTable
          id="activity-kinds"
          caption={t("activity.byKindCaption")}
          rowHeading={t("incidents.period")}
          columns={[...kindColumns, { key: "people", label: t("activity.people") }]}
          rows={periods.map((p) => ({
            key: p.period,
            label: periodLabel(p),
            values: [
              ...INTERVENTION_KINDS.map((kind) => p.byKind[kind]),
              p.interventions,
              p.people,
            ],
          }))}
          total={{
            key: "total",
            label: t("csv.total"),
            values: [
              ...INTERVENTION_KINDS.map((kind) => total.byKind[kind]),
              total.interventions,
              total.people,
            ],
          }}
          formatNumber={number}
        />
        <p className="text-sm text-muted-foreground">{t("activity.peopleHint")}</p>
      </section>

      <section className="space-y-2" aria-labelledby="activity-enforcement-heading">
        <h2 id="activity-enforcement-heading" className="text-base font-semibold">
          {t("activity.enforcement")}
        </h2>
        <FigureTable
          id="activity-enforcement"
          caption={t("activity.enforcementCaption")}
          rowHeading={t("incidents.period")}
          columns={[
            ...ENFORCEMENT_KINDS.map((kind) => ({ key: kind, label: enforcementLabel(kind) })),
            { key: "trials", label: t("activity.trials"), strong: true },
          ]}
          rows={periods.map((p) => ({
            key: p.period,
            label: periodLabel(p),
            values: [...ENFORCEMENT_KINDS.map((kind) => p.byEnforcement[kind]), p.trials],
          }))}
          total={{
            key: "total",
            label: t("csv.total"),
            values: [...ENFORCEMENT_KINDS.map((kind) => total.byEnforcement[kind]), total.trials],
          }}
          formatNumber={number}
        />
      </section>

      <section className="space-y-2" aria-labelledby="activity-agencies-heading">
        <h2 id="activity-agencies-heading" className="text-base font-semibold">
          {t("activity.byAgency")}
        </h2>
        {agencies.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("activity.noAgency")}</p>
        ) : (
          <FigureTable
            id="activity-agencies"
            caption={t("activity.byAgencyCaption")}
            rowHeading={t("activity.leadAgency")}
            columns={kindColumns}
            rows={agencies.map((led) => ({
              key: led.agencyId,
              label: led.name,
              values: [...INTERVENTION_KINDS.map((kind) => led.byKind[kind]), led.interventions],
            }))}
            formatNumber={number}
          />
        )}
      </section>
    </>
  );
}
