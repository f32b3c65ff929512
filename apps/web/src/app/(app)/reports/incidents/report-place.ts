import {
  incidentReportShape,
  REPORT_GRANULARITIES,
  type IncidentReportInput,
  type ReportGranularity,
} from "@truce/api/schemas/report";
import { INCIDENT_KINDS } from "@truce/db/enum-values";
import type { AddressParams } from "@truce/ui";
import {
  periodDays,
  periodParams,
  readGranularity,
  readPeriod,
  type PeriodChoice,
  type PeriodContext,
} from "../period";

// The incidents report's filters as its address holds them, read by the procedure's own
// rules: `?period=spring-2020&by=month&district=…&kinds=shooting,threat`. Pure, and no client
// module: the server page and the browser read the same place and ask for the same report.

export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface IncidentsPlace {
  period: PeriodChoice;
  /** The cut the user chose; unset, the period's length decides (readGranularity). */
  by?: ReportGranularity;
  district?: string;
  /** The kinds counted, in their enum's order; unset, every kind. */
  kinds?: IncidentKind[];
}

export function readIncidentsPlace(params: AddressParams): IncidentsPlace {
  const place: IncidentsPlace = { period: readPeriod(params) };
  const by = REPORT_GRANULARITIES.find((g) => g === params.by);
  if (by) place.by = by;
  if (typeof params.district === "string" && params.district !== "") {
    const district = incidentReportShape.district.safeParse(params.district);
    if (district.success && district.data) place.district = district.data;
  }
  if (typeof params.kinds === "string" && params.kinds !== "") {
    const kinds = incidentReportShape.kinds.safeParse(params.kinds.split(","));
    if (kinds.success) place.kinds = normalKinds(kinds.data);
  }
  return place;
}

/** The kinds in their enum's order, each once; undefined when they are every kind. */
export function normalKinds(kinds: readonly string[]): IncidentKind[] | undefined {
  const chosen = INCIDENT_KINDS.filter((kind) => kinds.includes(kind));
  return chosen.length === INCIDENT_KINDS.length || chosen.length === 0 ? undefined : chosen;
}

/** The report's input for a place: the same object on the server and in the browser. */
export function incidentsInput(place: IncidentsPlace, context: PeriodContext): IncidentReportInput {
  const days = periodDays(place.period, context);
  return {
    ...days,
    granularity: place.by ?? readGranularity({}, days),
    kinds: place.kinds ?? [...INCIDENT_KINDS],
    ...(place.district ? { district: place.district } : {}),
  };
}

/** The report's address: only what differs from the default. */
export function incidentsHref(pathname: string, place: IncidentsPlace): string {
  const params = new URLSearchParams(periodParams(place.period));
  if (place.by) params.set("by", place.by);
  if (place.district) params.set("district", place.district);
  if (place.kinds) params.set("kinds", place.kinds.join(","));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
