import type { TRPCRouterRecord } from "@trpc/server";
import { createAgency } from "../services/agency/create-agency";
import { listAgencies } from "../services/agency/list-agencies";
import { createAgencyInput } from "../services/agency/schemas";
import { authorizedProcedure } from "../trpc";

export const agencyRouter = {
  list: authorizedProcedure("agency.list").query(({ ctx }) => listAgencies(ctx)),
  create: authorizedProcedure("agency.create")
    .input(createAgencyInput)
    .mutation(({ ctx, input }) => createAgency(ctx, input)),
} satisfies TRPCRouterRecord;
