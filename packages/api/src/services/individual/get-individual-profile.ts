import type { Actor } from "@truce/auth/actor";
import { and, eq, sql, type Db } from "@truce/db";
import { agency, individual } from "@truce/db/schema";
import { AppError } from "../../errors";
import { individualScope, locationVisible } from "../../policy";
import type { Purpose } from "../../purpose";
import { recordAccess } from "../access-log/record-access";

/**
 * A person's profile, as the actor may see it, and the read recorded in the access log
 * with the session's purpose, in one transaction.
 */
export async function getIndividualProfile(
  db: Db,
  actor: Actor,
  purpose: Purpose | null,
  individualId: string,
) {
  if (!purpose) {
    throw new AppError(
      "PURPOSE_REQUIRED",
      "Choose the purpose of your work before opening a profile.",
    );
  }
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
    if (!row)
      throw new AppError(
        "NOT_FOUND",
        "No such person in the register, or not visible to your agency.",
      );
    await recordAccess(tx, actor, {
      action: "read",
      entityType: "individual",
      entityId: row.id,
      purpose,
    });
    return row;
  });
}
