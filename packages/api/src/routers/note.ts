import type { TRPCRouterRecord } from "@trpc/server";
import { createNote } from "../services/note/create-note";
import { getNote } from "../services/note/get-note";
import {
  listNotesForConflict,
  listNotesForGroup,
  listNotesForIndividual,
} from "../services/note/list-notes";
import {
  createNoteInput,
  getNoteInput,
  listNotesForConflictInput,
  listNotesForGroupInput,
  listNotesForIndividualInput,
} from "../services/note/schemas";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const noteRouter = {
  forIndividual: caseContentProcedure("note.read")
    .input(listNotesForIndividualInput)
    .query(({ ctx, input }) => listNotesForIndividual(ctx, input)),
  forGroup: caseContentProcedure("note.read")
    .input(listNotesForGroupInput)
    .query(({ ctx, input }) => listNotesForGroup(ctx, input)),
  forConflict: caseContentProcedure("note.read")
    .input(listNotesForConflictInput)
    .query(({ ctx, input }) => listNotesForConflict(ctx, input)),
  byId: caseContentProcedure("note.read")
    .input(getNoteInput)
    .query(({ ctx, input }) => getNote(ctx, input)),
  create: authorizedProcedure("note.create")
    .input(createNoteInput)
    .mutation(({ ctx, input }) => createNote(ctx, input)),
} satisfies TRPCRouterRecord;
