import { note } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { findNoteSubject } from "./note-subject";
import type { CreateNoteInput } from "./schemas";

/**
 * Writes a note on a person the actor can see, a group or a conflict, as their agency, and
 * logs the change.
 */
export async function createNote(ctx: ServiceContext, input: CreateNoteInput) {
  const { actor } = ctx;
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "apiErrors.agencyRequired");
  return inTransaction(ctx, async (tx) => {
    const subject = await findNoteSubject(tx, input);
    const [created] = await tx.db
      .insert(note)
      .values({
        ...subject,
        body: input.body,
        kind: input.kind,
        visibility: input.visibility,
        authorAgencyId: agencyId,
        createdById: actor.userId,
        updatedById: actor.userId,
      })
      .returning({ id: note.id });
    if (!created) throw new Error("the note was not written");
    await recordAccess(tx, {
      action: "create",
      entityType: "note",
      entityId: created.id,
      fields: ["body", "kind", "visibility"],
      detail: subject,
    });
    return created;
  });
}
