import type { TRPCRouterRecord } from "@trpc/server";
import { checkDatabase } from "../services/health/check-database";
import { publicProcedure } from "../trpc";

export const healthRouter = {
  /** Public: whether the app can reach its database. Load balancers use /api/health. */
  check: publicProcedure.query(({ ctx }) => checkDatabase(ctx)),
} satisfies TRPCRouterRecord;
