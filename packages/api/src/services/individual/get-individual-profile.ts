import type { Actor } from "@truce/auth/actor";
import { and, eq, sql, type Db } from "@truce/db";
import { agency, individual } from "@truce/db/schema";
import type { RecordRead } from "../../case-read";
import { AppError } from "../../errors";
import { individualScope, locationVisible } from "../../policy";
import { INDIVIDUAL_NOT_FOUND } from "./find-visible-individual";

/**
 * A person's profile, as the actor may see it, and the read recorded in the access log, in
 * one transaction.
 */
export async function getIndividualProfile(
  db: Db,
  actor: Actor,
  recordRead: RecordRead,
  individualId: string,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: individual.id,
        givenName: individual.givenName,
        familyName: individual.familyName,
        dateOfBirth: individual.dateOfBirth,
        isMinor: sql<boolean>`coalesce(${individual.dateOfBirth} > current_date - interval '18 years', false)`,
        district: individual.district,
        status: individual.status,
        riskLevel: individual.riskLevel,
        supervision: individual.supervision,
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
      .where(and(eq(individual.id, individualId), individualScope(actor)))
      .limit(1);
    if (!row) throw new AppError("NOT_FOUND", INDIVIDUAL_NOT_FOUND);
    await recordRead(tx, {
      entityType: "individual",
      entityId: row.id,
      detail: { view: "profile" },
    });
    return row;
  });
}
