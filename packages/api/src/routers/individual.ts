import type { TRPCRouterRecord } from "@trpc/server";
import { listIndividuals, listIndividualsInput } from "../services/individual/list-individuals";
import { authorizedProcedure } from "../trpc";

export const individualRouter = {
  list: authorizedProcedure("individual.list")
    .input(listIndividualsInput)
    .query(({ ctx, input }) => listIndividuals(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
