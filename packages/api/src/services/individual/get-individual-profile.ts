import { and, eq, sql } from "@truce/db";
import { agency, individual } from "@truce/db/schema";
import { recordRead, type CaseContentContext } from "../../case-read";
import { AppError } from "../../errors";
import { individualScope, locationVisible } from "../../policy";
import { inTransaction } from "../context";
import type { GetIndividualProfileInput } from "./schemas";

/**
 * A person's profile, as the actor may see it, and the read recorded in the access log, in
 * one transaction.
 */
export async function getIndividualProfile(
  ctx: CaseContentContext,
  input: GetIndividualProfileInput,
) {
  const { actor } = ctx;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({
        id: individual.id,
        givenName: individual.givenName,
        familyName: individual.familyName,
        aliases: individual.aliases,
        dateOfBirth: individual.dateOfBirth,
        isMinor: sql<boolean>`coalesce(${individual.dateOfBirth} > current_date - interval '18 years', false)`,
        district: individual.district,
        status: individual.status,
        riskLevel: individual.riskLevel,
        supervision: individual.supervision,
        nationalId: individual.nationalId,
        category: individual.category,
        registrationReason: individual.registrationReason,
        registrationStatus: individual.registrationStatus,
        registeringAgencyName: agency.name,
        reviewDue: individual.reviewDue,
        protectedLocation: individual.protectedLocation,
        currentLocation: sql<
          string | null
        >`case when ${locationVisible(actor)} then ${individual.currentLocation} end`,
        version: individual.version,
      })
      .from(individual)
      .innerJoin(agency, eq(agency.id, individual.registeringAgencyId))
      .where(and(eq(individual.id, input.id), individualScope(actor)))
      .limit(1);
    if (!row) throw new AppError("NOT_FOUND", "apiErrors.individual.notFound");
    await recordRead(tx, {
      entityType: "individual",
      entityId: row.id,
      detail: { view: "profile" },
    });
    return row;
  });
}
