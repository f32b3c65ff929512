import { eq } from "@truce/db";
import { alliance } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import type { EndAllianceInput } from "./schemas";

/**
 * Ends an alliance from the version seen, on its last day, which is not before its first. One
 * already ended is refused, so an end date is never moved by mistake.
 */
export async function endAlliance(ctx: ServiceContext, input: EndAllianceInput) {
  return inTransaction(ctx, async (tx) => {
    const [found] = await tx.db
      .select({
        id: alliance.id,
        groupAId: alliance.groupAId,
        groupBId: alliance.groupBId,
        fromOn: alliance.fromOn,
        toOn: alliance.toOn,
      })
      .from(alliance)
      .where(eq(alliance.id, input.id))
      .limit(1);
    if (!found) throw new AppError("NOT_FOUND", "apiErrors.alliance.notFound");
    if (found.toOn !== null) throw new AppError("INVALID_INPUT", "apiErrors.alliance.alreadyEnded");
    if (found.fromOn !== null && input.toOn < found.fromOn) {
      throw new AppError("INVALID_INPUT", "apiErrors.alliance.endBeforeStart", {
        fromOn: found.fromOn,
      });
    }
    const updated = await updateVersioned(tx, alliance, {
      id: found.id,
      version: input.version,
      set: { toOn: input.toOn },
      returning: { id: alliance.id, toOn: alliance.toOn, version: alliance.version },
      staleKey: "apiErrors.alliance.stale",
    });
    await recordAccess(tx, {
      action: "update",
      entityType: "alliance",
      entityId: updated.id,
      fields: ["toOn"],
      detail: { groupIds: [found.groupAId, found.groupBId] },
    });
    return updated;
  });
}
