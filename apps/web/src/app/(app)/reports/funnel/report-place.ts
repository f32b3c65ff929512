import { exitFunnelShape, type ExitFunnelInput } from "@truce/api/schemas/report";
import type { AddressParams } from "@truce/ui";
import {
  periodDays,
  periodParams,
  readPeriod,
  type PeriodChoice,
  type PeriodContext,
} from "../period";

// The exit funnel's filters as its address holds them, read by the procedure's own rules:
// `?period=lastYear&agency=…&district=…`. Pure, and no client module (as the incidents
// report's): the server page and the browser ask for the same funnel.

export interface FunnelPlace {
  period: PeriodChoice;
  agencyId?: string;
  district?: string;
}

export function readFunnelPlace(params: AddressParams): FunnelPlace {
  const place: FunnelPlace = { period: readPeriod(params) };
  if (typeof params.agency === "string" && params.agency !== "") {
    const agency = exitFunnelShape.agencyId.safeParse(params.agency);
    if (agency.success && agency.data) place.agencyId = agency.data;
  }
  if (typeof params.district === "string" && params.district !== "") {
    const district = exitFunnelShape.district.safeParse(params.district);
    if (district.success && district.data) place.district = district.data;
  }
  return place;
}

/** The funnel's input for a place: the same object on the server and in the browser. */
export function funnelInput(place: FunnelPlace, context: PeriodContext): ExitFunnelInput {
  return {
    ...periodDays(place.period, context),
    ...(place.agencyId ? { agencyId: place.agencyId } : {}),
    ...(place.district ? { district: place.district } : {}),
  };
}

/** The funnel's address: only what differs from the default. */
export function funnelHref(pathname: string, place: FunnelPlace): string {
  const params = new URLSearchParams(periodParams(place.period));
  if (place.agencyId) params.set("agency", place.agencyId);
  if (place.district) params.set("district", place.district);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
