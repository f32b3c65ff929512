import { asc, eq, sql } from "@truce/db";
import { agency, group, individual, platformSetting } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { DEFAULT_REVIEW_PERIOD_MONTHS } from "./create-individual";

/** More choices than this in one select list are no use; a later search box takes over. */
const MAX_CHOICES = 500;

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
    // The distinct districts by a skip along individual_district_idx: one index probe per
    // district, not a read of the whole register.
    db.execute<{ district: string }>(sql`
      with recursive districts(district) as (
        (select ${individual.district} from ${individual} order by 1 limit 1)
        union all
        select (
          select ${individual.district} from ${individual}
          where ${individual.district} > districts.district order by 1 limit 1
        )
        from districts where districts.district is not null
      )
      select district from districts where district is not null limit ${MAX_CHOICES}`),
    db
      .select({ months: platformSetting.reviewPeriodMonths })
      .from(platformSetting)
      .where(eq(platformSetting.id, 1)),
  ]);
  return {
    agencies,
    groups,
    districts: districts.map((row) => row.district),
    reviewPeriodMonths: settings[0]?.months ?? DEFAULT_REVIEW_PERIOD_MONTHS,
  };
}
