import { and, asc, like, sql } from "@truce/db";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { individual } from "@truce/db/schema";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";
import { cappedCount } from "../count";
import { likePattern, offsetOf, type Page } from "../pagination";
import type { ListIndividualsInput } from "./schemas";

export interface IndividualListItem {
  id: string;
  givenName: string;
  familyName: string;
  district: string;
  status: (typeof individual.status.enumValues)[number];
  riskLevel: (typeof individual.riskLevel.enumValues)[number];
  registrationStatus: (typeof individual.registrationStatus.enumValues)[number];
  isMinor: boolean;
  reviewDue: string;
}

/**
 * A page of the register as the actor may see it, searchable by name and alias. Built to
 * stay cheap at national scale: the search is the expression the trigram index holds (the
 * text is case-folded there by `search_fold`, so the pattern is too), the order is that of
 * individual_name_order_idx, and the count stops at the cap (FIELD_LIMITS.count.max).
 */
export async function listIndividuals(
  { db, actor }: ServiceContext,
  input: ListIndividualsInput,
): Promise<Page<IndividualListItem>> {
  const where = and(
    individualScope(actor),
    input.search
      ? like(individual.searchText, sql`search_fold(${likePattern(input.search)})`)
      : undefined,
  );
  const fields = {
    id: individual.id,
    givenName: individual.givenName,
    familyName: individual.familyName,
    district: individual.district,
    status: individual.status,
    riskLevel: individual.riskLevel,
    registrationStatus: individual.registrationStatus,
    isMinor: sql<boolean>`coalesce(${individual.dateOfBirth} > current_date - interval '18 years', false)`,
    reviewDue: individual.reviewDue,
  };
  if (!input.search) {
    // The first pages are a walk of individual_name_order_idx to the LIMIT; the count is
    // its own capped statement, run alongside.
    const [items, count] = await Promise.all([
      db
        .select(fields)
        .from(individual)
        .where(where)
        .orderBy(asc(individual.familyName), asc(individual.givenName), asc(individual.id))
        .limit(input.pageSize)
        .offset(offsetOf(input)),
      cappedCount(db, individual, where),
    ]);
    return { items, ...count, page: input.page, pageSize: input.pageSize };
  }
  // With a search, the matches come from the trigram index and are then sorted, and counted
  // in the same statement (the sort reads every match anyway). Ordered by the bare columns,
  // the planner may instead walk individual_name_order_idx and test every row until a page is
  // full: most of the register when the matches sort late or there are none (85 ms against
  // 10 at national scale, bench/README.md). `|| ''` is the same order on an expression that
  // no index holds, so the walk is not on offer.
  const rows = await db
    .select({ ...fields, matches: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(individual)
    .where(where)
    .orderBy(
      asc(sql`${individual.familyName} || ''`),
      asc(sql`${individual.givenName} || ''`),
      asc(individual.id),
    )
    .limit(input.pageSize)
    .offset(offsetOf(input));
  const items = rows.map(({ matches: _, ...item }) => item);
  const matches = rows[0]?.matches;
  // A page past the last match has no row to carry the count: it is counted on its own.
  const count =
    matches === undefined
      ? await cappedCount(db, individual, where)
      : {
          total: Math.min(matches, FIELD_LIMITS.count.max),
          totalCapped: matches > FIELD_LIMITS.count.max,
        };
  return { items, ...count, page: input.page, pageSize: input.pageSize };
}
