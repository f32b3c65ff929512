import { and, asc, count, ilike, sql } from "@truce/db";
import { individual } from "@truce/db/schema";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";
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

/** A page of the register as the actor may see it, searchable by name. */
export async function listIndividuals(
  { db, actor }: ServiceContext,
  input: ListIndividualsInput,
): Promise<Page<IndividualListItem>> {
  const fullName = sql`(${individual.givenName} || ' ' || ${individual.familyName})`;
  const where = and(
    individualScope(actor),
    input.search ? ilike(fullName, likePattern(input.search)) : undefined,
  );
  const [items, [totalRow]] = await Promise.all([
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
    db.select({ total: count() }).from(individual).where(where),
  ]);
  return { items, total: totalRow?.total ?? 0, page: input.page, pageSize: input.pageSize };
}
