import { and, eq } from "@truce/db";
import { note } from "@truce/db/schema";
import { recordRead, type CaseContentContext } from "../../case-read";
import { AppError } from "../../errors";
import { noteSubjectScope } from "../../policy";
import { inTransaction } from "../context";
import { findReadableNote } from "./list-notes";
import type { GetNoteInput } from "./schemas";

/**
 * One note, asked for by id, under exactly the scope of the lists, and the read in the
 * access log, in one transaction. A note whose text is kept from the actor is refused
 * outright (not just left out of a list); a note about someone the actor cannot see in the
 * register is not found, like the person.
 */
export async function getNote(ctx: CaseContentContext, input: GetNoteInput) {
  return inTransaction(ctx, async (tx) => {
    const found = await findReadableNote(tx, input.id);
    if (!found) {
      // Only the id and the subject's scope are looked at here, never the content.
      const [visibleSubject] = await tx.db
        .select({ id: note.id })
        .from(note)
        .where(and(eq(note.id, input.id), noteSubjectScope(tx.actor)))
        .limit(1);
      if (visibleSubject) throw new AppError("FORBIDDEN", "apiErrors.note.keptWithinAgency");
      throw new AppError("NOT_FOUND", "apiErrors.note.notFound");
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
