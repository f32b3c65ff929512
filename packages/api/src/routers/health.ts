import type { TRPCRouterRecord } from "@trpc/server";
import { sql } from "@truce/db";
import { publicProcedure } from "../trpc";

export const healthRouter = {
  /** Public: whether the app can reach its database (used by load balancers and tests). */
  check: publicProcedure.query(async ({ ctx }) => {
    await ctx.db.execute(sql`select 1`);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
