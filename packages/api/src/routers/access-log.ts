import type { TRPCRouterRecord } from "@trpc/server";
import { listAccessLog } from "../services/access-log/list-access-log";
import { listAccessLogInput } from "../services/access-log/schemas";
import { authorizedProcedure } from "../trpc";

export const accessLogRouter = {
  list: authorizedProcedure("accessLog.list")
    .input(listAccessLogInput)
    .query(({ ctx, input }) => listAccessLog(ctx, input)),
} satisfies TRPCRouterRecord;
