import { asc, desc, eq } from "@truce/db";
import { agency, incident } from "@truce/db/schema";
import { MAX_CHOICES } from "../choices";
import type { ServiceContext } from "../context";

/** The incidents an enforcement action may answer: the latest ones. */
const RECENT_INCIDENTS = 100;

/**
 * What the intervention form offers: the active agencies (present at a call-in, a speaker's)
 * and the latest incidents (for the one that triggered an enforcement action). Its group and
 * conflict are found by name as the user types (group.lookup, conflict.lookup), never listed
 * whole. Nothing about any one person.
 */
export async function interventionFormOptions({ db }: ServiceContext) {
  const [agencies, incidents] = await Promise.all([
    db
      .select({ id: agency.id, name: agency.name, kind: agency.kind })
      .from(agency)
      .where(eq(agency.active, true))
      .orderBy(asc(agency.name), asc(agency.id))
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
  return { agencies, incidents };
}
