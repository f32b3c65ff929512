import { and, asc, like, sql } from "@truce/db";
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
 * individual_name_order_idx, and the count stops at the cap.
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
  const [items, count] = await Promise.all([
    db
      .select({
        id: individual.id,
        givenName: individual.givenName,
        familyName: individual.familyName,
        district: individual.district,
        status: individual.status,
        riskLevel: individual.riskLevel,
        registrationStatus: individual.registrationStatus,
        isMinor: sql<boolean>`coalesce(${individual.dateOfBirth} > current_date - interval '18 years', false)`,
        reviewDue: individual.reviewDue,
      })
      .from(individual)
      .where(where)
      .orderBy(asc(individual.familyName), asc(individual.givenName), asc(individual.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    cappedCount(db, individual, where),
  ]);
  return { items, ...count, page: input.page, pageSize: input.pageSize };
}
