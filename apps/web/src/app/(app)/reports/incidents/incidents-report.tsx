"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { incidentReportInput } from "@truce/api/schemas/report";
import { INCIDENT_KINDS } from "@truce/db/enum-values";
import { EmptyState, StatusToggles } from "@truce/ui";
import { BarChart } from "@truce/ui/bar-chart";
import { useTRPC } from "~/trpc/react";
import { PrintedFilters, ReportActions, ReportState } from "../report-actions";
import { usePeriodLabels } from "../period-labels";
import { ReportFilters } from "../report-filters";
import { useReportExport, useReportPlace } from "../use-report";
import { incidentsCsv } from "./incidents-csv";
import {
  incidentsHref,
  incidentsInput,
  normalKinds,
  readIncidentsPlace,
  type IncidentKind,
} from "./report-place";

type Report = WebRouterOutputs["report"]["incidents"];

/** The incidents report below its header: the filters in the address, the chart, the table. */
export function IncidentsReport() {
  const t = useTranslations("reports");
  const tEnum = useTranslations("enums.incidentKind");
  const format = useFormatter();
  const trpc = useTRPC();
  const filters = useReportPlace({
    read: readIncidentsPlace,
    href: incidentsHref,
    input: incidentsInput,
    schema: incidentReportInput,
  });
  const { place, go, options, input, valid } = filters;
  const query = useQuery(
    trpc.report.incidents.queryOptions(input, {
      enabled: options.isSuccess && valid,
      placeholderData: keepPreviousData,
    }),
  );
  const labels = usePeriodLabels();
  const exporting = useReportExport(
    useMutation(trpc.report.exportIncidents.mutationOptions()),
    input,
    (table) =>
      incidentsCsv(table, {
        t,
        kindLabel: (kind) => tEnum(kind),
        periodLabel: labels.period,
        district: input.district ?? null,
        formatDateTime: (at) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }),
      }),
  );

  const kinds = place.kinds ?? INCIDENT_KINDS;

  return (
    <div className="space-y-6">
      <ReportFilters idPrefix="incidents" filters={filters}>
        <div className="sm:col-span-2 lg:col-span-4">
          <StatusToggles
            label={t("filters.kinds")}
            statuses={INCIDENT_KINDS}
            chosen={kinds}
            statusLabel={(kind) => tEnum(kind)}
            onChange={(next) => go({ ...place, kinds: next ? normalKinds(next) : undefined })}
          />
        </div>
        <p className="text-sm text-muted-foreground sm:col-span-2 lg:col-span-4">
          <span className="font-medium text-foreground">{t("filters.agency")}: </span>
          {t("filters.noAgency")}
        </p>
      </ReportFilters>

      <ReportState valid={valid} report={query} options={options}>
        {(report) => (
          <>
            <ReportActions idPrefix="incidents" {...exporting} />
            <IncidentsPrinted report={report} />
            <IncidentsFigures report={report} />
          </>
        )}
      </ReportState>
    </div>
  );
}

/** The filters a printed report names. */
function IncidentsPrinted({ report }: { report: Report }) {
  const t = useTranslations("reports");
  const tEnum = useTranslations("enums.incidentKind");
  const labels = usePeriodLabels();
  const { filters } = report;
  return (
    <PrintedFilters
      rows={[
        [t("csv.period"), labels.range(filters.from, filters.to)],
        [t("csv.rowsBy"), t(`filters.granularity.${filters.granularity}`)],
        [t("csv.district"), filters.district ?? t("filters.allDistricts")],
        [t("csv.kinds"), filters.kinds.map((kind) => tEnum(kind)).join(", ")],
        [t("csv.agency"), t("csv.agencyNone")],
      ]}
    />
  );
}

/** The summary, the chart and the table of one report. */
function IncidentsFigures({ report }: { report: Report }) {
  const t = useTranslations("reports");
  const tEnum = useTranslations("enums.incidentKind");
  const format = useFormatter();
  const labels = usePeriodLabels();
  const { filters, periods, total } = report;
  const kinds = filters.kinds as IncidentKind[];
  const started = report.programmeStartedOn;
  const markedPeriod = started
    ? periods.find((p) => p.firstDay <= started && started <= p.lastDay)
    : undefined;
  const number = (value: number) => format.number(value);

  return (
    <>
      <p className="text-sm">
        {t("incidents.summary", {
          incidents: total.incidents,
          dead: total.dead,
          injured: total.injured,
          from: labels.day(filters.from),
          to: labels.day(filters.to),
        })}{" "}
        {started ? t("programmeStarted", { date: labels.day(started) }) : t("noProgrammeStart")}
      </p>
      {total.incidents === 0 ? (
        <EmptyState title={t("incidents.empty")} />
      ) : (
        <div className="print:break-inside-avoid print:[&_svg]:h-auto print:[&_svg]:max-w-full">
          <BarChart
            label={t("incidents.chartLabel")}
            data={periods.map((p) => ({ period: p.period, ...p.byKind }))}
            categoryKey="period"
            series={kinds.map((kind) => ({ key: kind, label: tEnum(kind) }))}
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
      {/* Scrolls sideways on its own on a phone, so it takes the keyboard's focus to scroll. */}
      <div
        role="region"
        aria-labelledby="incidents-table-caption"
        tabIndex={0}
        className="overflow-x-auto rounded-md border focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none print:overflow-visible print:border-0"
      >
        <table className="w-full text-sm">
          <caption id="incidents-table-caption" className="sr-only">
            {t("incidents.tableCaption")}
          </caption>
          <thead className="bg-muted/50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("incidents.period")}
              </th>
              {kinds.map((kind) => (
                <th key={kind} scope="col" className="px-3 py-2 text-right font-medium">
                  {tEnum(kind)}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("incidents.all")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("incidents.change")}
                <span className="block text-xs font-normal text-muted-foreground">
                  {t("incidents.changeHint")}
                </span>
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("incidents.dead")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("incidents.injured")}
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.period} className="border-t">
                <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                  {labels.period(p.period, filters.granularity)}
                  {labels.isCut(p, filters.granularity) ? (
                    <span className="block text-xs font-normal text-muted-foreground">
                      {labels.range(p.firstDay, p.lastDay)}
                    </span>
                  ) : null}
                </th>
                {kinds.map((kind) => (
                  <td key={kind} className="px-3 py-2 text-right tabular-nums">
                    {number(p.byKind[kind])}
                  </td>
                ))}
                <td className="px-3 py-2 text-right font-medium tabular-nums">
                  {number(p.incidents)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
                  {format.number(p.change, { signDisplay: "exceptZero" })}
                  {p.previous > 0 ? (
                    <span className="text-muted-foreground">
                      {" "}
                      (
                      {format.number(p.change / p.previous, {
                        style: "percent",
                        signDisplay: "exceptZero",
                        maximumFractionDigits: 0,
                      })}
                      )
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{number(p.dead)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{number(p.injured)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 font-medium">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">
                {t("incidents.total")}
              </th>
              {kinds.map((kind) => (
                <td key={kind} className="px-3 py-2 text-right tabular-nums">
                  {number(total.byKind[kind])}
                </td>
              ))}
              <td className="px-3 py-2 text-right tabular-nums">{number(total.incidents)}</td>
              <td className="px-3 py-2" />
              <td className="px-3 py-2 text-right tabular-nums">{number(total.dead)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{number(total.injured)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
