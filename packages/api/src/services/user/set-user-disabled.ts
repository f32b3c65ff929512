import { z } from "zod";
import type { Actor } from "@truce/auth/actor";
import { and, eq, sql, type Db } from "@truce/db";
import { user } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";

export const setUserDisabledInput = z.object({
  userId: z.string().uuid(),
  disabled: z.boolean(),
  version: z.number().int().min(1),
});

/**
 * Disables (or enables) a whole account, in every agency the user belongs to: a platform
 * admin's decision alone (permissions.ts); an agency admin disables a membership instead
 * (set-membership-disabled.ts). Disabling also bumps the session version, so the user's
 * open sessions end at their next request.
 */
export async function setUserDisabled(
  db: Db,
  actor: Actor,
  input: z.infer<typeof setUserDisabledInput>,
) {
  if (input.userId === actor.userId) {
    throw new AppError("FORBIDDEN", "You cannot disable or enable your own account.");
  }
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: user.id })
      .from(user)
      .where(eq(user.id, input.userId))
      .limit(1);
    if (!target) throw new AppError("NOT_FOUND", "No such user.");
    const [updated] = await tx
      .update(user)
      .set({
        disabled: input.disabled,
        sessionVersion: sql`${user.sessionVersion} + 1`,
        version: sql`${user.version} + 1`,
        updatedById: actor.userId,
      })
      .where(and(eq(user.id, target.id), eq(user.version, input.version)))
      .returning({ id: user.id, disabled: user.disabled, version: user.version });
    if (!updated) {
      throw new AppError(
        "STALE_VERSION",
        "Someone changed this user meanwhile. Reload and try again.",
      );
    }
    await recordAccess(tx, actor, {
      action: "update",
      entityType: "user",
      entityId: updated.id,
      fields: ["disabled"],
      detail: { disabled: updated.disabled },
    });
    return updated;
  });
}
