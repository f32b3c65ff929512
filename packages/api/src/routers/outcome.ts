import type { TRPCRouterRecord } from "@trpc/server";
import { createOutcome } from "../services/outcome/create-outcome";
import { createOutcomeInput } from "../services/outcome/schemas";
import { authorizedProcedure } from "../trpc";

export const outcomeRouter = {
  create: authorizedProcedure("outcome.create")
    .input(createOutcomeInput)
    .mutation(({ ctx, input }) => createOutcome(ctx, input)),
} satisfies TRPCRouterRecord;
