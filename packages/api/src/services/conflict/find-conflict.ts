import { eq } from "@truce/db";
import { conflict } from "@truce/db/schema";
import { AppError } from "../../errors";
import type { InTransaction } from "../context";

/**
 * The conflict's status, risk and dates, locked until the transaction ends, or the refusal for
 * no such conflict. A change of its status takes the lock, so the history row it writes names
 * the very status and risk it changed from.
 */
export async function lockConflict({ db }: InTransaction, conflictId: string) {
  const [row] = await db
    .select({
      id: conflict.id,
      status: conflict.status,
      riskLevel: conflict.riskLevel,
      startedOn: conflict.startedOn,
      resolvedOn: conflict.resolvedOn,
      version: conflict.version,
    })
    .from(conflict)
    .where(eq(conflict.id, conflictId))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND", "apiErrors.conflict.notFound");
  return row;
}
