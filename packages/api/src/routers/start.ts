import type { TRPCRouterRecord } from "@trpc/server";
import { getStartOverview } from "../services/start/get-start-overview";
import { authorizedProcedure } from "../trpc";

export const startRouter = {
  /** The start page: recent incidents, escalating conflicts, the people the user touched. */
  overview: authorizedProcedure("start.read").query(({ ctx }) => getStartOverview(ctx)),
} satisfies TRPCRouterRecord;
