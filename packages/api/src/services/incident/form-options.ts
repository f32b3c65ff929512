import { asc, ne, sql } from "@truce/db";
import { conflict, group, incident } from "@truce/db/schema";
import type { ServiceContext } from "../context";

/** More choices than this in one select list are no use; a later search box takes over. */
const MAX_CHOICES = 500;

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
    // The distinct districts by a skip along incident_district_idx: one probe per district.
    db.execute<{ district: string }>(sql`
      with recursive districts(district) as (
        (select ${incident.district} from ${incident} order by 1 limit 1)
        union all
        select (
          select ${incident.district} from ${incident}
          where ${incident.district} > districts.district order by 1 limit 1
        )
        from districts where districts.district is not null
      )
      select district from districts where district is not null limit ${MAX_CHOICES}`),
  ]);
  return { conflicts, groups, districts: districts.map((row) => row.district) };
}
