import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { listInterventionsForIndividual } from "../services/intervention/list-interventions";
import { caseContentProcedure } from "../trpc";

export const interventionRouter = {
  forIndividual: caseContentProcedure("intervention.read")
    .input(z.object({ individualId: z.string().uuid() }))
    .query(({ ctx, input }) =>
      listInterventionsForIndividual(ctx.db, ctx.actor, ctx.recordRead, input.individualId),
    ),
} satisfies TRPCRouterRecord;
