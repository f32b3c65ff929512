import type { TRPCRouterRecord } from "@trpc/server";
import { createNote } from "../services/note/create-note";
import { getNote } from "../services/note/get-note";
import { listNotesForIndividual } from "../services/note/list-notes";
import {
  createNoteInput,
  getNoteInput,
  listNotesForIndividualInput,
} from "../services/note/schemas";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const noteRouter = {
  forIndividual: caseContentProcedure("note.read")
    .input(listNotesForIndividualInput)
    .query(({ ctx, input }) => listNotesForIndividual(ctx, input)),
  byId: caseContentProcedure("note.read")
    .input(getNoteInput)
    .query(({ ctx, input }) => getNote(ctx, input)),
  create: authorizedProcedure("note.create")
    .input(createNoteInput)
    .mutation(({ ctx, input }) => createNote(ctx, input)),
} satisfies TRPCRouterRecord;
