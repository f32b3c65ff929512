import { asc, eq } from "@truce/db";
import { agency, individual, platformSetting } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { distinctValues } from "../choices";
import { DEFAULT_REVIEW_PERIOD_MONTHS } from "./create-individual";

/**
 * What the register's filters and the registration form offer: the agencies, the districts in
 * use, and the review period a new registration's review date defaults to. Groups are found by
 * name as the user types (group.lookup), never listed whole. Nothing about any one person.
 */
export async function individualFormOptions({ db }: ServiceContext) {
  const [agencies, districts, settings] = await Promise.all([
    db
      .select({ id: agency.id, name: agency.name, kind: agency.kind })
      .from(agency)
      .where(eq(agency.active, true))
      .orderBy(asc(agency.name)),
    distinctValues(db, individual, individual.district),
    db
      .select({ months: platformSetting.reviewPeriodMonths })
      .from(platformSetting)
      .where(eq(platformSetting.id, 1)),
  ]);
  return {
    agencies,
    districts,
    reviewPeriodMonths: settings[0]?.months ?? DEFAULT_REVIEW_PERIOD_MONTHS,
  };
}
