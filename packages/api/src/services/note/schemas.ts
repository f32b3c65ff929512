import { z } from "zod";
import { NOTE_KINDS, VISIBILITIES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { recordId } from "../fields";
import { plainText } from "../text";

// The note domain's input rules: the procedures validate with these and the web app's note
// form imports the same objects (@truce/api/schemas/note), so a rule is written once.

export const createNoteInput = z.object({
  individualId: recordId,
  body: plainText(FIELD_LIMITS.note.body, "validation.note.body"),
  kind: z.enum(NOTE_KINDS, "validation.note.kind"),
  // Police intelligence and social services' details stay within the agency by default.
  visibility: z.enum(VISIBILITIES, "validation.note.visibility").default("agency"),
});
export type CreateNoteInput = z.infer<typeof createNoteInput>;

export const getNoteInput = z.object({ id: recordId });
export type GetNoteInput = z.infer<typeof getNoteInput>;

export const listNotesForIndividualInput = z.object({ individualId: recordId });
export type ListNotesForIndividualInput = z.infer<typeof listNotesForIndividualInput>;
