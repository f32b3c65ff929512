import { asc, eq } from "@truce/db";
import { agency, group, individual, platformSetting } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { distinctValues, MAX_CHOICES } from "../choices";
import { DEFAULT_REVIEW_PERIOD_MONTHS } from "./create-individual";

/**
 * What the register's filters and the registration form offer: the agencies, the groups, the
 * districts in use, and the review period a new registration's review date defaults to.
 * Nothing about any one person.
 */
export async function individualFormOptions({ db }: ServiceContext) {
  const [agencies, groups, districts, settings] = await Promise.all([
    db
      .select({ id: agency.id, name: agency.name, kind: agency.kind })
      .from(agency)
      .where(eq(agency.active, true))
      .orderBy(asc(agency.name)),
    db
      .select({ id: group.id, name: group.name, status: group.status })
      .from(group)
      .orderBy(asc(group.name), asc(group.id))
      .limit(MAX_CHOICES),
    distinctValues(db, individual, individual.district),
    db
      .select({ months: platformSetting.reviewPeriodMonths })
      .from(platformSetting)
      .where(eq(platformSetting.id, 1)),
  ]);
  return {
    agencies,
    groups,
    districts,
    reviewPeriodMonths: settings[0]?.months ?? DEFAULT_REVIEW_PERIOD_MONTHS,
  };
}
