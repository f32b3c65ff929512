import type { TRPCRouterRecord } from "@trpc/server";
import { listAccessLog, listAccessLogInput } from "../services/access-log/list-access-log";
import { authorizedProcedure } from "../trpc";

export const accessLogRouter = {
  list: authorizedProcedure("accessLog.list")
    .input(listAccessLogInput)
    .query(({ ctx, input }) => listAccessLog(ctx.db, input)),
} satisfies TRPCRouterRecord;
