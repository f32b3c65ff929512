import { and, asc, eq, ne } from "@truce/db";
import { agency, referral } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { findVisibleIndividual } from "../individual/find-visible-individual";
import type { CreateReferralInput } from "./schemas";

/** The agency the actor acts for now: a referral is always from, or to, an agency. */
export function actingAgencyId({ actor }: Pick<ServiceContext, "actor">): string {
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "apiErrors.agencyRequired");
  return agencyId;
}

/**
 * Refers a person in the actor's view of the register from the actor's agency to another
 * active agency, for a service, with the person's consent (yes or no, and the day) and an
 * optional note for the receiving agency; the referral and its access-log row in one
 * transaction. It is sent: the receiving agency answers it from its inbox. Returns the id
 * and the version.
 */
export async function createReferral(ctx: ServiceContext, input: CreateReferralInput) {
  const fromAgencyId = actingAgencyId(ctx);
  if (input.toAgencyId === fromAgencyId) {
    throw new AppError("INVALID_INPUT", "apiErrors.referral.sameAgency");
  }
  return inTransaction(ctx, async (tx) => {
    const subject = await findVisibleIndividual(tx, input.individualId);
    const [to] = await tx.db
      .select({ id: agency.id })
      .from(agency)
      .where(and(eq(agency.id, input.toAgencyId), eq(agency.active, true)))
      .limit(1);
    if (!to) throw new AppError("NOT_FOUND", "apiErrors.referral.agencyNotFound");
    const [created] = await tx.db
      .insert(referral)
      .values({
        individualId: subject.id,
        fromAgencyId,
        toAgencyId: to.id,
        service: input.service,
        status: "sent",
        consent: input.consent,
        consentOn: input.consentOn,
        note: input.note,
        createdById: tx.actor.userId,
        updatedById: tx.actor.userId,
      })
      .returning({ id: referral.id, version: referral.version });
    await recordAccess(tx, {
      action: "create",
      entityType: "referral",
      entityId: created!.id,
      fields: [
        "individualId",
        "toAgencyId",
        "service",
        "consent",
        ...(input.consentOn === null ? [] : ["consentOn"]),
        ...(input.note === null ? [] : ["note"]),
      ],
      detail: { individualId: subject.id, service: input.service },
    });
    return created!;
  });
}

/** The refer dialog's choices: every active agency but the actor's own, by name. */
export async function referralFormOptions(ctx: ServiceContext) {
  const agencyId = actingAgencyId(ctx);
  const agencies = await ctx.db
    .select({ id: agency.id, name: agency.name, kind: agency.kind })
    .from(agency)
    .where(and(eq(agency.active, true), ne(agency.id, agencyId)))
    .orderBy(asc(agency.name), asc(agency.id));
  return { agencies };
}
