import type { TRPCRouterRecord } from "@trpc/server";
import { listInterventionsForIndividual } from "../services/intervention/list-interventions";
import { listInterventionsForIndividualInput } from "../services/intervention/schemas";
import { caseContentProcedure } from "../trpc";

export const interventionRouter = {
  forIndividual: caseContentProcedure("intervention.read")
    .input(listInterventionsForIndividualInput)
    .query(({ ctx, input }) => listInterventionsForIndividual(ctx, input)),
} satisfies TRPCRouterRecord;
