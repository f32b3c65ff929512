import {
  DEFAULT_CONFLICT_STATUSES,
  networkGraphInput,
  type NetworkGraphInput,
} from "@truce/api/schemas/network";
import { CONFLICT_STATUSES } from "@truce/db/enum-values";
import type { AddressParams } from "@truce/ui";

// Pure, and no client module: the server page reads the same place from its searchParams as
// the picture reads from the browser's address, so both ask for the very same query.

export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

/** Which alliances the picture shows: those in force (the default), all, or none. */
export const ALLIANCE_CHOICES = ["inForce", "all", "none"] as const;
export type AllianceChoice = (typeof ALLIANCE_CHOICES)[number];

/**
 * The picture's filters as the address holds them: `?area=…&status=latent,active&alliances=all`.
 * A filter the address does not set stays unset, so the procedure's default applies
 * (`status=none` is a picture with no conflicts, which is not the default).
 */
export interface NetworkPlace {
  area?: string;
  statuses?: ConflictStatus[];
  alliances: AllianceChoice;
}

const rules = networkGraphInput.shape;

/** Reads the place by the procedure's own rules: what it would refuse is left out. */
export function readNetworkPlace(params: AddressParams): NetworkPlace {
  const place: NetworkPlace = { alliances: "inForce" };
  if (typeof params.area === "string" && params.area !== "") {
    const area = rules.area.safeParse(params.area);
    if (area.success && area.data) place.area = area.data;
  }
  if (typeof params.status === "string" && params.status !== "") {
    const statuses = rules.conflictStatuses.safeParse(
      params.status === "none" ? [] : params.status.split(","),
    );
    if (statuses.success) place.statuses = normalStatuses(statuses.data);
  }
  const alliances = ALLIANCE_CHOICES.find((choice) => choice === params.alliances);
  if (alliances) place.alliances = alliances;
  return place;
}

/** The statuses in their enum's order, each once; undefined when they are the default. */
export function normalStatuses(statuses: readonly string[]): ConflictStatus[] | undefined {
  const chosen = CONFLICT_STATUSES.filter((status) => statuses.includes(status));
  const isDefault =
    chosen.length === DEFAULT_CONFLICT_STATUSES.length &&
    DEFAULT_CONFLICT_STATUSES.every((status) => chosen.includes(status));
  return isDefault ? undefined : chosen;
}

/** The statuses a place shows: its own, or the procedure's default. */
export function shownStatuses(place: NetworkPlace): readonly ConflictStatus[] {
  return place.statuses ?? DEFAULT_CONFLICT_STATUSES;
}

/** The graph query's input for a place: the same object on the server and in the browser. */
export function graphInput(place: NetworkPlace): Partial<NetworkGraphInput> {
  return {
    ...(place.area ? { area: place.area } : {}),
    ...(place.statuses ? { conflictStatuses: place.statuses } : {}),
    ...(place.alliances === "none" ? { includeAlliances: false } : {}),
    ...(place.alliances === "all" ? { includeEndedAlliances: true } : {}),
  };
}

/** The picture's address: only what differs from the default picture. */
export function networkHref(pathname: string, place: NetworkPlace): string {
  const params = new URLSearchParams();
  if (place.area) params.set("area", place.area);
  if (place.statuses) {
    params.set("status", place.statuses.length > 0 ? place.statuses.join(",") : "none");
  }
  if (place.alliances !== "inForce") params.set("alliances", place.alliances);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
