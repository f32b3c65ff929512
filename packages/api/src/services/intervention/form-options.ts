import { asc, desc, eq, ne } from "@truce/db";
import { agency, conflict, group, incident } from "@truce/db/schema";
import { MAX_CHOICES } from "../choices";
import type { ServiceContext } from "../context";

/** The incidents an enforcement action may answer: the latest ones. */
const RECENT_INCIDENTS = 100;

/**
 * What the intervention form offers: the active agencies (present at a call-in, a speaker's),
 * the groups, the conflicts not resolved, and the latest incidents (for the one that
 * triggered an enforcement action). Nothing about any one person.
 */
export async function interventionFormOptions({ db }: ServiceContext) {
  const [agencies, groups, conflicts, incidents] = await Promise.all([
    db
      .select({ id: agency.id, name: agency.name, kind: agency.kind })
      .from(agency)
      .where(eq(agency.active, true))
      .orderBy(asc(agency.name), asc(agency.id))
      .limit(MAX_CHOICES),
    db
      .select({ id: group.id, name: group.name })
      .from(group)
      .orderBy(asc(group.name), asc(group.id))
      .limit(MAX_CHOICES),
    db
      .select({ id: conflict.id, title: conflict.title })
      .from(conflict)
      .where(ne(conflict.status, "resolved"))
      .orderBy(asc(conflict.title), asc(conflict.id))
      .limit(MAX_CHOICES),
    db
      .select({
        id: incident.id,
        kind: incident.kind,
        occurredAt: incident.occurredAt,
        district: incident.district,
      })
      .from(incident)
      .orderBy(desc(incident.occurredAt), desc(incident.id))
      .limit(RECENT_INCIDENTS),
  ]);
  return { agencies, groups, conflicts, incidents };
}
