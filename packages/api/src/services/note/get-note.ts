import type { Actor } from "@truce/auth/actor";
import { eq, type Db } from "@truce/db";
import { note } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import type { Purpose } from "../../purpose";
import { findReadableNote } from "./list-notes";

/**
 * One note, asked for by id. Another agency's agency-only note is refused outright (not
 * just left out of a list); the read is logged with the session's purpose.
 */
export async function getNote(db: Db, actor: Actor, purpose: Purpose | null, noteId: string) {
  return db.transaction(async (tx) => {
    const found = await findReadableNote(tx, actor, noteId);
    if (!found) {
      // Only the id is looked at here, never the content, to choose the right refusal.
      const [exists] = await tx
        .select({ id: note.id })
        .from(note)
        .where(eq(note.id, noteId))
        .limit(1);
      if (exists)
        throw new AppError("FORBIDDEN", "This note is kept within the agency that wrote it.");
      throw new AppError("NOT_FOUND", "No such note.");
    }
    await recordAccess(tx, actor, {
      action: "read",
      entityType: "note",
      entityId: found.id,
      purpose,
    });
    return found;
  });
}
