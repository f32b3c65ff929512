import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { createNote, createNoteInput } from "../services/note/create-note";
import { getNote } from "../services/note/get-note";
import { listNotesForIndividual } from "../services/note/list-notes";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const noteRouter = {
  forIndividual: caseContentProcedure("note.read")
    .input(z.object({ individualId: z.string().uuid() }))
    .query(({ ctx, input }) =>
      listNotesForIndividual(ctx.db, ctx.actor, ctx.recordRead, input.individualId),
    ),
  byId: caseContentProcedure("note.read")
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) => getNote(ctx.db, ctx.actor, ctx.recordRead, input.id)),
  create: authorizedProcedure("note.create")
    .input(createNoteInput)
    .mutation(({ ctx, input }) => createNote(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
