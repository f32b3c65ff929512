import { asc, eq } from "@truce/db";
import { agency, incident, individual, platformSetting } from "@truce/db/schema";
import { distinctValues } from "../choices";
import type { ServiceContext } from "../context";

/**
 * What the reports' filters offer, and what every report shows beside its figures: the
 * districts incidents were recorded in and people live in (names of places only), the agencies (for the reports counted by agency),
 * and the programme's start date (a platform setting; null until it is set).
 */
export async function reportOptions({ db }: ServiceContext) {
  const [incidentDistricts, peopleDistricts, agencies, [setting]] = await Promise.all([
    distinctValues(db, incident, incident.district),
    distinctValues(db, individual, individual.district),
    db
      .select({ id: agency.id, name: agency.name })
      .from(agency)
      .where(eq(agency.active, true))
      .orderBy(asc(agency.name), asc(agency.id)),
    db
      .select({ startedOn: platformSetting.programmeStartedOn })
      .from(platformSetting)
      .where(eq(platformSetting.id, 1)),
  ]);
  // One list for every report: where incidents happened and where the people live.
  const districts = [...new Set([...incidentDistricts, ...peopleDistricts])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return { districts, agencies, programmeStartedOn: setting?.startedOn ?? null };
}
