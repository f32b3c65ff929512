import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { getIndividualProfile } from "../services/individual/get-individual-profile";
import { listIndividuals, listIndividualsInput } from "../services/individual/list-individuals";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const individualRouter = {
  list: authorizedProcedure("individual.list")
    .input(listIndividualsInput)
    .query(({ ctx, input }) => listIndividuals(ctx.db, ctx.actor, input)),
  /** A person's profile; the read is logged with the session's purpose. */
  byId: caseContentProcedure("individual.read")
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) => getIndividualProfile(ctx.db, ctx.actor, ctx.recordRead, input.id)),
} satisfies TRPCRouterRecord;
