import type { Actor } from "@truce/auth/actor";
import { and, eq, type Db } from "@truce/db";
import { note } from "@truce/db/schema";
import type { RecordRead } from "../../case-read";
import { AppError } from "../../errors";
import { noteSubjectScope } from "../../policy";
import { findReadableNote } from "./list-notes";

/**
 * One note, asked for by id, under exactly the scope of the lists, and the read in the
 * access log, in one transaction. A note whose text is kept from the actor is refused
 * outright (not just left out of a list); a note about someone the actor cannot see in the
 * register is not found, like the person.
 */
export async function getNote(db: Db, actor: Actor, recordRead: RecordRead, noteId: string) {
  return db.transaction(async (tx) => {
    const found = await findReadableNote(tx, actor, noteId);
    if (!found) {
      // Only the id and the subject's scope are looked at here, never the content.
      const [visibleSubject] = await tx
        .select({ id: note.id })
        .from(note)
        .where(and(eq(note.id, noteId), noteSubjectScope(actor)))
        .limit(1);
      if (visibleSubject)
        throw new AppError("FORBIDDEN", "This note is kept within the agency that wrote it.");
      throw new AppError("NOT_FOUND", "No such note.");
    }
    const { individualId, groupId, conflictId } = found;
    await recordRead(tx, {
      entityType: "note",
      entityId: found.id,
      detail: individualId ? { individualId } : groupId ? { groupId } : { conflictId },
    });
    return found;
  });
}
