import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { listInterventionsForIndividual } from "../services/intervention/list-interventions";
import { authorizedProcedure } from "../trpc";

export const interventionRouter = {
  forIndividual: authorizedProcedure("intervention.read")
    .input(z.object({ individualId: z.string().uuid() }))
    .query(({ ctx, input }) =>
      listInterventionsForIndividual(ctx.db, ctx.actor, input.individualId),
    ),
} satisfies TRPCRouterRecord;
