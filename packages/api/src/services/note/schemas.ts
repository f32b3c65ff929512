import { z } from "zod";
import { NOTE_KINDS, VISIBILITIES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { recordId } from "../fields";
import { plainText } from "../text";

// The note domain's input rules: the procedures validate with these and the web app's note
// form imports the same objects (@truce/api/schemas/note), so a rule is written once.

/** What a note may be written on: exactly one person, group or conflict. */
export const NOTE_SUBJECTS = ["individualId", "groupId", "conflictId"] as const;

export const createNoteInput = z
  .object({
    individualId: recordId.optional(),
    groupId: recordId.optional(),
    conflictId: recordId.optional(),
    body: plainText(FIELD_LIMITS.note.body, "validation.note.body"),
    kind: z.enum(NOTE_KINDS, "validation.note.kind"),
    // Police intelligence and social services' details stay within the agency by default.
    visibility: z.enum(VISIBILITIES, "validation.note.visibility").default("agency"),
  })
  .superRefine(
    (note, ctx) => {
      const given = NOTE_SUBJECTS.filter((key) => note[key] !== undefined);
      if (given.length === 1) return;
      // On the second subject given, or on the person when none is.
      ctx.addIssue({
        code: "custom",
        message: "validation.note.subject",
        path: [given[1] ?? "individualId"],
      });
    },
    // Only for fields that are each valid, so that one mistake gets one message.
    { when: ({ issues }) => issues.length === 0 },
  );
export type CreateNoteInput = z.infer<typeof createNoteInput>;

export const getNoteInput = z.object({ id: recordId });
export type GetNoteInput = z.infer<typeof getNoteInput>;

export const listNotesForIndividualInput = z.object({ individualId: recordId });
export type ListNotesForIndividualInput = z.infer<typeof listNotesForIndividualInput>;

export const listNotesForGroupInput = z.object({ groupId: recordId });
export type ListNotesForGroupInput = z.infer<typeof listNotesForGroupInput>;

export const listNotesForConflictInput = z.object({ conflictId: recordId });
export type ListNotesForConflictInput = z.infer<typeof listNotesForConflictInput>;
