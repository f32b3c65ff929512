import { asc, ne } from "@truce/db";
import { conflict, group, incident } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { distinctValues, MAX_CHOICES } from "../choices";

/**
 * What the incident list's filters and the incident form offer: the conflicts not resolved,
 * the groups, and the districts incidents were recorded in. Nothing about any one person.
 */
export async function incidentFormOptions({ db }: ServiceContext) {
  const [conflicts, groups, districts] = await Promise.all([
    db
      .select({ id: conflict.id, title: conflict.title, status: conflict.status })
      .from(conflict)
      .where(ne(conflict.status, "resolved"))
      .orderBy(asc(conflict.title), asc(conflict.id))
      .limit(MAX_CHOICES),
    db
      .select({ id: group.id, name: group.name })
      .from(group)
      .orderBy(asc(group.name), asc(group.id))
      .limit(MAX_CHOICES),
    distinctValues(db, incident, incident.district),
  ]);
  return { conflicts, groups, districts };
}
