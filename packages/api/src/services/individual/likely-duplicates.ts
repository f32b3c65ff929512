import { and, asc, desc, eq, or, sql, type PgColumn, type SQL } from "@truce/db";
import { agency, individual } from "@truce/db/schema";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";
import type { LikelyDuplicatesInput } from "./schemas";
import { searchFolded } from "../search-fold";

/** At most this many likely duplicates are shown: enough to recognise one, not a list. */
const SHOWN = 5;

/** A part of the stored name, folded as the index holds it (migration 0012). */
const folded = (column: PgColumn) => sql`search_fold(${column})`;

/**
 * The people in the actor's view of the register who may be the one about to be registered:
 * a given name like the new one's and a family name like theirs (pg_trgm's similarity, `%`,
 * of each part), either way round, since a name is often written family name first; and the
 * same birth year, or no date of birth on either side to tell them apart. Both parts are
 * served at once by `individual_name_parts_trgm_idx`, so only the rows like both are read:
 * a common name matches thousands of people by one part, a few dozen by both. The closest
 * come first (the sum of the parts' similarities, the better way round). Only what
 * recognising them needs: names, birth year, district, who registered them.
 */
export async function likelyDuplicates(
  { db, actor }: ServiceContext,
  input: LikelyDuplicatesInput,
) {
  const given = searchFolded(input.givenName);
  const family = searchFolded(input.familyName);
  const givenColumn = folded(individual.givenName);
  const familyColumn = folded(individual.familyName);
  const asWritten = and(sql`${givenColumn} % ${given}`, sql`${familyColumn} % ${family}`);
  const swapped = and(sql`${givenColumn} % ${family}`, sql`${familyColumn} % ${given}`);
  // The same name twice ("Hamid Hamid") is the same condition either way round: once.
  const sameBothWays = input.givenName.toLowerCase() === input.familyName.toLowerCase();
  const closeness = sql`greatest(
    similarity(${given}, ${givenColumn}) + similarity(${family}, ${familyColumn}),
    similarity(${family}, ${givenColumn}) + similarity(${given}, ${familyColumn})
  )`;
  const sameYear: SQL | undefined = input.dateOfBirth
    ? (or(
        sql`${individual.dateOfBirth} is null`,
        sql`extract(year from ${individual.dateOfBirth}) = extract(year from ${input.dateOfBirth}::date)`,
      ) as SQL)
    : undefined;
  return db
    .select({
      id: individual.id,
      givenName: individual.givenName,
      familyName: individual.familyName,
      birthYear: sql<number | null>`extract(year from ${individual.dateOfBirth})::int`,
      district: individual.district,
      registeringAgencyName: agency.name,
      registrationStatus: individual.registrationStatus,
    })
    .from(individual)
    .innerJoin(agency, eq(agency.id, individual.registeringAgencyId))
    .where(and(individualScope(actor), sameBothWays ? asWritten : or(asWritten, swapped), sameYear))
    .orderBy(desc(closeness), asc(individual.id))
    .limit(SHOWN);
}
