import type { TRPCRouterRecord } from "@trpc/server";
import { createAgency, createAgencyInput } from "../services/agency/create-agency";
import { listAgencies } from "../services/agency/list-agencies";
import { authorizedProcedure } from "../trpc";

export const agencyRouter = {
  list: authorizedProcedure("agency.list").query(({ ctx }) => listAgencies(ctx.db, ctx.actor)),
  create: authorizedProcedure("agency.create")
    .input(createAgencyInput)
    .mutation(({ ctx, input }) => createAgency(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
