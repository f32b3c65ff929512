import { eq, sql } from "@truce/db";
import { conflict, conflictChange } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import { lockConflict } from "./find-conflict";
import { CONFLICT_FIELDS, type SetConflictStatusInput, type UpdateConflictInput } from "./schemas";

/**
 * Changes a conflict's record (title, start, description) from the version the form was
 * loaded with: a record changed meanwhile is refused (STALE_VERSION), never overwritten. A
 * start after the day it was resolved is refused with a message, not left to the check.
 * Returns the id and the new version.
 */
export async function updateConflict(ctx: ServiceContext, input: UpdateConflictInput) {
  return inTransaction(ctx, async (tx) => {
    const [found] = await tx.db
      .select({ resolvedOn: conflict.resolvedOn })
      .from(conflict)
      .where(eq(conflict.id, input.id))
      .limit(1);
    if (!found) throw new AppError("NOT_FOUND", "apiErrors.conflict.notFound");
    if (found.resolvedOn && input.startedOn && input.startedOn > found.resolvedOn) {
      throw new AppError("INVALID_INPUT", "apiErrors.conflict.startedAfterResolved", {
        resolvedOn: found.resolvedOn,
      });
    }
    const { id, version, ...fields } = input;
    const updated = await updateVersioned(tx, conflict, {
      id,
      version,
      set: fields,
      returning: { id: conflict.id, version: conflict.version },
      staleKey: "apiErrors.conflict.stale",
    });
    await recordAccess(tx, {
      action: "update",
      entityType: "conflict",
      entityId: updated.id,
      fields: [...CONFLICT_FIELDS],
    });
    return updated;
  });
}

/**
 * Changes a conflict's status or risk level (or both) from the version seen, and writes the
 * change to its history, with the reason, in the same transaction: a change that fails (stale,
 * or anything after) leaves no history row, and no history row is written without its change.
 * Resolving it sets the day it was resolved; opening it again clears that day. A change to
 * what it already is, is refused.
 */
export async function setConflictStatus(ctx: ServiceContext, input: SetConflictStatusInput) {
  const { actor } = ctx;
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "apiErrors.agencyRequired");
  return inTransaction(ctx, async (tx) => {
    const current = await lockConflict(tx, input.id);
    // Stale before unchanged: "no change" is only true of the version the person saw.
    if (current.version !== input.version) {
      throw new AppError("STALE_VERSION", "apiErrors.conflict.stale");
    }
    const status = input.status ?? current.status;
    const riskLevel = input.riskLevel ?? current.riskLevel;
    if (status === current.status && riskLevel === current.riskLevel) {
      throw new AppError("INVALID_INPUT", "apiErrors.conflict.unchanged");
    }
    const resolving = status === "resolved" && current.status !== "resolved";
    const reopening = status !== "resolved" && current.status === "resolved";
    const updated = await updateVersioned(tx, conflict, {
      id: current.id,
      version: input.version,
      set: {
        status,
        riskLevel,
        ...(resolving ? { resolvedOn: sql`current_date` } : {}),
        ...(reopening ? { resolvedOn: null } : {}),
      },
      returning: {
        id: conflict.id,
        status: conflict.status,
        riskLevel: conflict.riskLevel,
        resolvedOn: conflict.resolvedOn,
        version: conflict.version,
      },
      staleKey: "apiErrors.conflict.stale",
    });
    await tx.db.insert(conflictChange).values({
      conflictId: updated.id,
      status,
      riskLevel,
      previousStatus: current.status,
      previousRiskLevel: current.riskLevel,
      changedById: actor.userId,
      changedByAgencyId: agencyId,
      reason: input.reason,
    });
    await recordAccess(tx, {
      action: "update",
      entityType: "conflict",
      entityId: updated.id,
      fields: [
        ...(status === current.status ? [] : ["status"]),
        ...(riskLevel === current.riskLevel ? [] : ["riskLevel"]),
        ...(resolving || reopening ? ["resolvedOn"] : []),
        ...(input.reason === null ? [] : ["reason"]),
      ],
      detail: { status, riskLevel },
    });
    return updated;
  });
}
