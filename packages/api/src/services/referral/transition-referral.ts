import { and, eq } from "@truce/db";
import { individual, referral, referralEvent } from "@truce/db/schema";
import { AppError } from "../../errors";
import { individualScope } from "../../policy";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type InTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import { actingAgencyId } from "./create-referral";
import { REFERRAL_STEP_TAKER, REFERRAL_TRANSITIONS, type TransitionReferralInput } from "./schemas";

/**
 * The referral, locked until the transaction ends, if its person is in the actor's view of
 * the register; otherwise the refusal for no such referral. A step takes the lock, so two
 * steps at once are taken one after the other, and the second finds the first's version.
 */
async function lockReferral({ db, actor }: InTransaction, referralId: string) {
  const [row] = await db
    .select({
      id: referral.id,
      status: referral.status,
      fromAgencyId: referral.fromAgencyId,
      toAgencyId: referral.toAgencyId,
      version: referral.version,
    })
    .from(referral)
    .innerJoin(individual, eq(individual.id, referral.individualId))
    .where(and(eq(referral.id, referralId), individualScope(actor)))
    .for("update", { of: referral });
  if (!row) throw new AppError("NOT_FOUND", "apiErrors.referral.notFound");
  return row;
}

/**
 * One step of a referral (REFERRAL_TRANSITIONS), from the version seen: the receiving agency
 * accepts, declines (with a reason), marks it in progress or completes it; the sending agency
 * withdraws it. The referral's new status, the step's referral_event row (who, as which
 * agency, when, why) and the access-log row are written in one transaction: a refused step
 * leaves none of them. Refusals, in order: another agency's referral (FORBIDDEN notParty), a
 * step the other agency takes (FORBIDDEN receiverOnly / senderOnly), a version changed
 * meanwhile (STALE_VERSION stale), a finished referral (INVALID_INPUT finished), a step that
 * does not follow from its status (INVALID_INPUT stepNotAllowed). Returns the id, the status
 * and the new version.
 */
export async function transitionReferral(ctx: ServiceContext, input: TransitionReferralInput) {
  const agencyId = actingAgencyId(ctx);
  return inTransaction(ctx, async (tx) => {
    const current = await lockReferral(tx, input.id);
    const side =
      current.toAgencyId === agencyId
        ? "receiver"
        : current.fromAgencyId === agencyId
          ? "sender"
          : null;
    if (!side) throw new AppError("FORBIDDEN", "apiErrors.referral.notParty");
    const taker = REFERRAL_STEP_TAKER[input.status];
    if (taker !== side) {
      throw new AppError(
        "FORBIDDEN",
        taker === "receiver" ? "apiErrors.referral.receiverOnly" : "apiErrors.referral.senderOnly",
      );
    }
    // Stale before the rest: whether the step follows is only true of the version seen.
    if (current.version !== input.version) {
      throw new AppError("STALE_VERSION", "apiErrors.referral.stale");
    }
    const next = REFERRAL_TRANSITIONS[current.status];
    if (next.length === 0) throw new AppError("INVALID_INPUT", "apiErrors.referral.finished");
    if (!next.includes(input.status)) {
      throw new AppError("INVALID_INPUT", "apiErrors.referral.stepNotAllowed");
    }
    const updated = await updateVersioned(tx, referral, {
      id: current.id,
      version: input.version,
      set: { status: input.status },
      returning: { id: referral.id, status: referral.status, version: referral.version },
      staleKey: "apiErrors.referral.stale",
    });
    await tx.db.insert(referralEvent).values({
      referralId: current.id,
      status: input.status,
      reason: input.reason,
      changedById: tx.actor.userId,
      changedByAgencyId: agencyId,
    });
    await recordAccess(tx, {
      action: "update",
      entityType: "referral",
      entityId: current.id,
      fields: ["status", ...(input.reason === null ? [] : ["reason"])],
      detail: { from: current.status, status: input.status },
    });
    return updated;
  });
}
