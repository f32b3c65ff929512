import { and, asc, eq, or, sql, type SQL } from "@truce/db";
import { agency, individual } from "@truce/db/schema";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";
import type { LikelyDuplicatesInput } from "./schemas";
import { searchFolded } from "../search-fold";

/** At most this many likely duplicates are shown: enough to recognise one, not a list. */
const SHOWN = 5;

/**
 * The people in the actor's view of the register who may be the one about to be registered:
 * a name like the new one (pg_trgm's word similarity of the full name, served by the
 * trigram index) and the same birth year, or no date of birth on either side to tell them
 * apart. Only what recognising them needs: names, birth year, district, who registered them.
 */
export async function likelyDuplicates(
  { db, actor }: ServiceContext,
  input: LikelyDuplicatesInput,
) {
  const fullName = `${input.givenName} ${input.familyName}`;
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
    .where(
      and(
        individualScope(actor),
        sql`${searchFolded(fullName)} <% ${individual.searchText}`,
        sameYear,
      ),
    )
    .orderBy(
      sql`word_similarity(${searchFolded(fullName)}, ${individual.searchText}) desc`,
      asc(individual.id),
    )
    .limit(SHOWN);
}
