import type { TRPCRouterRecord } from "@trpc/server";
import { listAgencies } from "../services/agency/list-agencies";
import { authorizedProcedure } from "../trpc";

export const agencyRouter = {
  list: authorizedProcedure("agency.list").query(({ ctx }) => listAgencies(ctx.db, ctx.actor)),
} satisfies TRPCRouterRecord;
