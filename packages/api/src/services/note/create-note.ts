import { z } from "zod";
import type { Actor } from "@truce/auth/actor";
import type { Db } from "@truce/db";
import { note } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { findVisibleIndividual } from "../individual/find-visible-individual";
import { plainText } from "../text";

export const createNoteInput = z.object({
  individualId: z.string().uuid(),
  body: plainText(10_000, "Keep a note under 10,000 characters.").pipe(
    z.string().min(1, "Write the note."),
  ),
  kind: z.enum(note.kind.enumValues),
  // Police intelligence and social services' details stay within the agency by default.
  visibility: z.enum(note.visibility.enumValues).default("agency"),
});
export type CreateNoteInput = z.infer<typeof createNoteInput>;

/** Writes a note on a person the actor can see, as their agency, and logs the change. */
export async function createNote(db: Db, actor: Actor, input: CreateNoteInput) {
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "Choose an agency to act as first.");
  return db.transaction(async (tx) => {
    const subject = await findVisibleIndividual(tx, actor, input.individualId);
    const [created] = await tx
      .insert(note)
      .values({
        individualId: subject.id,
        body: input.body,
        kind: input.kind,
        visibility: input.visibility,
        authorAgencyId: agencyId,
        createdById: actor.userId,
        updatedById: actor.userId,
      })
      .returning({ id: note.id });
    if (!created) throw new Error("the note was not written");
    await recordAccess(tx, actor, {
      action: "create",
      entityType: "note",
      entityId: created.id,
      fields: ["body", "kind", "visibility"],
      detail: { individualId: subject.id },
    });
    return created;
  });
}
