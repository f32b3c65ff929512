"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ReportGranularity } from "@truce/api/schemas/report";
import type { PeriodChoice, PeriodContext } from "./period";
import { PeriodFilter } from "./period-filter";
import { AgencyFilter, DistrictFilter, GranularityFilter } from "./report-actions";

/** What every report's place holds of the filters below (a report adds its own). */
export interface FilterPlace {
  period: PeriodChoice;
  by?: ReportGranularity;
  agencyId?: string;
  district?: string;
}

/** The part of `useReportPlace`'s answer the filters read and change. */
export interface ReportFiltersState<P extends FilterPlace> {
  place: P;
  go: (place: P) => void;
  /** The report's input: its days, and its rows by where it has rows of time. */
  input: { from: string; to: string; granularity?: ReportGranularity };
  context: PeriodContext;
  fieldError: (field: "from" | "to") => string | undefined;
  options: {
    data?: {
      agencies: ReadonlyArray<{ id: string; name: string }>;
      districts: readonly string[];
    };
  };
}

/**
 * A report's filters, the same on every report and kept in its address: the period, the rows
 * by (where the report's input has rows of time), the agency (where the report has an agency
 * filter: `agencyHint` says which agency of a record it is), the district, and what the report
 * adds of its own (`children`, the full width). Hidden in print, where the printed filters
 * say them.
 */
export function ReportFilters<P extends FilterPlace>({
  idPrefix,
  filters,
  agencyHint,
  districtHint,
  children,
}: {
  idPrefix: string;
  filters: ReportFiltersState<P>;
  agencyHint?: string;
  districtHint?: string;
  children?: ReactNode;
}) {
  const t = useTranslations("reports");
  const { place, go, input, context, fieldError, options } = filters;
  return (
    <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4 print:hidden">
      <legend className="sr-only">{t("filters.legend")}</legend>
      <PeriodFilter
        idPrefix={idPrefix}
        choice={place.period}
        days={input}
        context={context}
        fromError={fieldError("from")}
        toError={fieldError("to")}
        onChange={(period) => go({ ...place, period })}
      />
      {input.granularity ? (
        <GranularityFilter
          id={`${idPrefix}-by`}
          value={input.granularity}
          onChange={(by) => go({ ...place, by })}
        />
      ) : null}
      {agencyHint ? (
        <AgencyFilter
          id={`${idPrefix}-agency`}
          value={place.agencyId}
          agencies={options.data?.agencies ?? []}
          hint={agencyHint}
          onChange={(agencyId) => go({ ...place, agencyId })}
        />
      ) : null}
      <DistrictFilter
        id={`${idPrefix}-district`}
        value={place.district}
        districts={options.data?.districts ?? []}
        hint={districtHint}
        onChange={(district) => go({ ...place, district })}
      />
      {children}
    </fieldset>
  );
}
