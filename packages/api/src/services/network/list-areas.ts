import { group } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { distinctValues } from "../choices";
import { NETWORK_BOUNDS } from "./schemas";

/**
 * Every area a group is in (up to `NETWORK_BOUNDS.areas`), in order: the network picture's
 * area filter. Its own procedure, read once when the page opens and kept, rather than again
 * with every picture the filters ask for (a walk of group_area_idx, a statement of its own).
 */
export async function listNetworkAreas({ db }: ServiceContext): Promise<string[]> {
  return distinctValues(db, group, group.area, NETWORK_BOUNDS.areas);
}
