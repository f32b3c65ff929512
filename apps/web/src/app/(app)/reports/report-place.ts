import {
  activityReportShape,
  REPORT_GRANULARITIES,
  type ActivityReportInput,
  type ReportGranularity,
} from "@truce/api/schemas/report";
import type { AddressParams } from "@truce/ui";
import {
  periodDays,
  periodParams,
  readGranularity,
  readPeriod,
  type PeriodChoice,
  type PeriodContext,
} from "./period";

// The filters of a report with rows of time, an agency and a district (activity, conflicts
// and people) as its address holds them, read by the procedures' own rules (the same fields
// in both): `?period=spring-2020&by=month&agency=…&district=…`. Pure, and no client module (as
// the other reports'): the server page and the browser ask for the same report.

/** The input both reports take: their days, rows by, agency and district. */
export type ReportInput = ActivityReportInput;

export interface ReportPlace {
  period: PeriodChoice;
  /** The cut the user chose; unset, the period's length decides (readGranularity). */
  by?: ReportGranularity;
  agencyId?: string;
  district?: string;
}

export function readReportPlace(params: AddressParams): ReportPlace {
  const place: ReportPlace = { period: readPeriod(params) };
  const by = REPORT_GRANULARITIES.find((g) => g === params.by);
  if (by) place.by = by;
  if (typeof params.agency === "string" && params.agency !== "") {
    const agency = activityReportShape.agencyId.safeParse(params.agency);
    if (agency.success && agency.data) place.agencyId = agency.data;
  }
  if (typeof params.district === "string" && params.district !== "") {
    const district = activityReportShape.district.safeParse(params.district);
    if (district.success && district.data) place.district = district.data;
  }
  return place;
}

/** The report's input for a place: the same object on the server and in the browser. */
export function reportInput(place: ReportPlace, context: PeriodContext): ReportInput {
  const days = periodDays(place.period, context);
  return {
    ...days,
    granularity: place.by ?? readGranularity({}, days),
    ...(place.agencyId ? { agencyId: place.agencyId } : {}),
    ...(place.district ? { district: place.district } : {}),
  };
}

/** The report's address: only what differs from the default. */
export function reportHref(pathname: string, place: ReportPlace): string {
  const params = new URLSearchParams(periodParams(place.period));
  if (place.by) params.set("by", place.by);
  if (place.agencyId) params.set("agency", place.agencyId);
  if (place.district) params.set("district", place.district);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
