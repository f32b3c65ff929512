import { eq, sql } from "@truce/db";
import { user } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import type { SetUserDisabledInput } from "./schemas";

/**
 * Disables (or enables) a whole account, in every agency the user belongs to: a platform
 * admin's decision alone (permissions.ts); an agency admin disables a membership instead
 * (set-membership-disabled.ts). Disabling also bumps the session version, so the user's
 * open sessions end at their next request.
 */
export async function setUserDisabled(ctx: ServiceContext, input: SetUserDisabledInput) {
  if (input.userId === ctx.actor.userId) {
    throw new AppError("FORBIDDEN", "apiErrors.user.ownAccount");
  }
  return inTransaction(ctx, async (tx) => {
    const [target] = await tx.db
      .select({ id: user.id })
      .from(user)
      .where(eq(user.id, input.userId))
      .limit(1);
    if (!target) throw new AppError("NOT_FOUND", "apiErrors.user.notFound");
    const updated = await updateVersioned(tx, user, {
      id: target.id,
      version: input.version,
      set: { disabled: input.disabled, sessionVersion: sql`${user.sessionVersion} + 1` },
      returning: { id: user.id, disabled: user.disabled, version: user.version },
      staleKey: "apiErrors.user.stale",
    });
    await recordAccess(tx, {
      action: "update",
      entityType: "user",
      entityId: updated.id,
      fields: ["disabled"],
      detail: { disabled: updated.disabled },
    });
    return updated;
  });
}
