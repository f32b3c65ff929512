import { incident } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { distinctValues } from "../choices";

/**
 * What the incident list's filters and the incident form offer: the districts incidents were
 * recorded in. Their conflict and their group parties are found by name as the user types
 * (conflict.lookup, group.lookup), never listed whole. Nothing about any one person.
 */
export async function incidentFormOptions({ db }: ServiceContext) {
  const districts = await distinctValues(db, incident, incident.district);
  return { districts };
}
