"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import {
  REPORT_GRANULARITIES,
  type ReportAudience,
  type ReportGranularity,
} from "@truce/api/schemas/report";
import {
  Button,
  ErrorState,
  Label,
  LoadingState,
  NativeSelect,
  useErrorMessage,
  type ServerError,
} from "@truce/ui";

/**
 * A report's exports and print: a CSV file for the programme, one for sharing outside it
 * (small counts hidden by the server), and the print layout; what became of the last export
 * is said in a live region. Every report shows these the same way.
 */
export function ReportActions({
  idPrefix,
  onExport,
  pending,
  error,
  exported,
}: {
  idPrefix: string;
  onExport: (audience: ReportAudience) => void;
  pending: boolean;
  error: ServerError | null;
  /** The name of the file last downloaded. */
  exported: string | null;
}) {
  const t = useTranslations("reports");
  const errorMessage = useErrorMessage();
  const hint = `${idPrefix}-external-hint`;
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <Button type="button" onClick={() => onExport("internal")} disabled={pending}>
        {t("export.internal")}
      </Button>
      <Button
        type="button"
        variant="outline"
        onClick={() => onExport("external")}
        disabled={pending}
        aria-describedby={hint}
      >
        {t("export.external")}
      </Button>
      <Button type="button" variant="outline" onClick={() => window.print()}>
        {t("print")}
      </Button>
      <p id={hint} className="w-full text-sm text-muted-foreground">
        {t("export.externalHint")}
      </p>
      <p role="status" className="w-full text-sm">
        {pending
          ? t("export.working")
          : error
            ? t("export.failed", { message: errorMessage(error) })
            : exported
              ? t("export.done", { fileName: exported })
              : null}
      </p>
    </div>
  );
}

/** What a printed page says it shows: the report's filters, and the day it was printed. */
export function PrintedFilters({ rows }: { rows: ReadonlyArray<readonly [string, string]> }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  return (
    <dl className="hidden gap-x-4 text-sm print:grid print:grid-cols-[auto_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      <dt className="font-medium">{t("csv.exportedAt")}</dt>
      <dd>{t("printed", { date: format.dateTime(new Date(), { dateStyle: "long" }) })}</dd>
    </dl>
  );
}

/** A report's district filter: every district offered, the chosen one kept while they load. */
export function DistrictFilter({
  id,
  value,
  districts,
  hint,
  onChange,
}: {
  id: string;
  value: string | undefined;
  districts: readonly string[];
  /** Which district of a record the filter is, where that needs saying. */
  hint?: string;
  onChange: (district: string | undefined) => void;
}) {
  const t = useTranslations("reports.filters");
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id}>{t("district")}</Label>
      <NativeSelect
        id={id}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        <option value="">{t("allDistricts")}</option>
        {[...new Set([...(value ? [value] : []), ...districts])].sort().map((district) => (
          <option key={district} value={district}>
            {district}
          </option>
        ))}
      </NativeSelect>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A report's agency filter: every active agency, with a hint of what the agency is. */
export function AgencyFilter({
  id,
  value,
  agencies,
  hint,
  onChange,
}: {
  id: string;
  value: string | undefined;
  agencies: ReadonlyArray<{ id: string; name: string }>;
  /** Which agency of a record the filter is: the lead agency, the one that recorded it. */
  hint: string;
  onChange: (agencyId: string | undefined) => void;
}) {
  const t = useTranslations("reports.filters");
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id}>{t("agency")}</Label>
      <NativeSelect
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
        aria-describedby={`${id}-hint`}
      >
        <option value="">{t("allAgencies")}</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </NativeSelect>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {hint}
      </p>
    </div>
  );
}

/** A report's "rows by" filter: a row per year, quarter or month. */
export function GranularityFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: ReportGranularity;
  onChange: (granularity: ReportGranularity) => void;
}) {
  const t = useTranslations("reports.filters");
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={id}>{t("by")}</Label>
      <NativeSelect
        id={id}
        value={value}
        onChange={(event) => {
          const chosen = REPORT_GRANULARITIES.find((g) => g === event.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {REPORT_GRANULARITIES.map((granularity) => (
          <option key={granularity} value={granularity}>
            {t(`granularity.${granularity}`)}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}

/**
 * What a report shows below its filters: nothing while the user's own days break the rule
 * (the filter says why), the error with a retry, the loading state, or the report, marked busy
 * while the next one is on its way.
 */
export function ReportState<T>({
  valid,
  report,
  options,
  children,
}: {
  valid: boolean;
  report: {
    data: T | undefined;
    isError: boolean;
    error: ServerError | null;
    isPlaceholderData: boolean;
    refetch: () => unknown;
  };
  options: { isError: boolean; error: ServerError | null; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  const t = useTranslations("reports");
  const errorMessage = useErrorMessage();
  if (!valid) return null;
  if (report.isError || options.isError) {
    return (
      <ErrorState
        title={t("error")}
        description={errorMessage((report.error ?? options.error)!)}
        onRetry={() => void (options.isError ? options.refetch() : report.refetch())}
        retryLabel={t("retry")}
      />
    );
  }
  if (report.data === undefined) return <LoadingState label={t("loading")} />;
  return (
    <div className="space-y-6" aria-busy={report.isPlaceholderData || undefined}>
      {children(report.data)}
    </div>
  );
}
