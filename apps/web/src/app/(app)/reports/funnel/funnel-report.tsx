"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { exitFunnelInput } from "@truce/api/schemas/report";
import { EmptyState } from "@truce/ui";
import { StepChart } from "@truce/ui/bar-chart";
import { useTRPC } from "~/trpc/react";
import { usePeriodLabels } from "../period-labels";
import { PrintedFilters, ReportActions, ReportState } from "../report-actions";
import { ReportFilters } from "../report-filters";
import { useReportExport, useReportPlace } from "../use-report";
import { funnelCsv } from "./funnel-csv";
import { funnelHref, funnelInput, readFunnelPlace } from "./report-place";

type Funnel = WebRouterOutputs["report"]["funnel"];

/** The exit funnel below its header: the filters in the address, the chart, the table. */
export function FunnelReport() {
  const t = useTranslations("reports");
  const format = useFormatter();
  const trpc = useTRPC();
  const filters = useReportPlace({
    read: readFunnelPlace,
    href: funnelHref,
    input: funnelInput,
    schema: exitFunnelInput,
  });
  const { options, input, valid, agencyName } = filters;
  const query = useQuery(
    trpc.report.funnel.queryOptions(input, {
      enabled: options.isSuccess && valid,
      placeholderData: keepPreviousData,
    }),
  );
  const exporting = useReportExport(
    useMutation(trpc.report.exportFunnel.mutationOptions()),
    input,
    (table) =>
      funnelCsv(table, {
        t,
        agencyName: agencyName(table.filters.agencyId),
        formatDateTime: (at) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }),
      }),
  );

  return (
    <div className="space-y-6">
      <ReportFilters idPrefix="funnel" filters={filters} agencyHint={t("funnel.agencyHint")} />

      <ReportState valid={valid} report={query} options={options}>
        {(funnel) => (
          <>
            <ReportActions idPrefix="funnel" {...exporting} />
            <FunnelPrinted funnel={funnel} agency={agencyName(funnel.filters.agencyId)} />
            <FunnelFigures funnel={funnel} />
          </>
        )}
      </ReportState>
    </div>
  );
}

function FunnelPrinted({ funnel, agency }: { funnel: Funnel; agency: string | null }) {
  const t = useTranslations("reports");
  const labels = usePeriodLabels();
  const { filters } = funnel;
  return (
    <PrintedFilters
      rows={[
        [t("csv.period"), labels.range(filters.from, filters.to)],
        [t("csv.district"), filters.district ?? t("filters.allDistricts")],
        [t("csv.agency"), agency ?? t("filters.allAgencies")],
      ]}
    />
  );
}

/** The summary, the chart and the table of one funnel. */
function FunnelFigures({ funnel }: { funnel: Funnel }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const labels = usePeriodLabels();
  const { filters, rows } = funnel;
  const number = (value: number) => format.number(value);
  const step = (key: string) => t(`funnel.steps.${key}`);
  const reached = rows[0]?.people ?? 0;
  const empty = rows.every((row) => row.people === 0);

  return (
    <>
      <p className="text-sm">
        {t("funnel.summary", {
          reached,
          from: labels.day(filters.from),
          to: labels.day(filters.to),
        })}
      </p>
      {empty ? (
        <EmptyState title={t("funnel.empty")} />
      ) : (
        <div className="print:break-inside-avoid print:[&_svg]:h-auto print:[&_svg]:max-w-full">
          <StepChart
            label={t("funnel.chartLabel")}
            steps={rows.map((row) => ({ key: row.step, label: step(row.step), value: row.people }))}
            formatNumber={number}
          />
        </div>
      )}
      <div
        role="region"
        aria-labelledby="funnel-table-caption"
        tabIndex={0}
        className="overflow-x-auto rounded-md border focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none print:overflow-visible print:border-0"
      >
        <table className="w-full text-sm">
          <caption id="funnel-table-caption" className="sr-only">
            {t("funnel.tableCaption")}
          </caption>
          <thead className="bg-muted/50 text-left">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("funnel.step")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("funnel.people")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("funnel.share")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.step} className="border-t">
                <th
                  scope="row"
                  className={`px-3 py-2 text-left font-medium ${
                    row.step === "relocated" || row.step === "changed_situation" ? "pl-8" : ""
                  }`}
                >
                  {step(row.step)}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{number(row.people)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  {row.of === null ? (
                    "–"
                  ) : row.share === null ? (
                    <span className="text-muted-foreground">{t("funnel.noShare")}</span>
                  ) : (
                    t("funnel.shareOf", {
                      share: format.number(row.share, {
                        style: "percent",
                        maximumFractionDigits: 0,
                      }),
                      step: step(row.of).toLowerCase(),
                    })
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-muted-foreground">{t("funnel.firstTime")}</p>
    </>
  );
}
