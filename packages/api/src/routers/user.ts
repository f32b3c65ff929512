import type { TRPCRouterRecord } from "@trpc/server";
import { listUsers, listUsersInput } from "../services/user/list-users";
import { setUserDisabled, setUserDisabledInput } from "../services/user/set-user-disabled";
import { authorizedProcedure } from "../trpc";

export const userRouter = {
  list: authorizedProcedure("user.list")
    .input(listUsersInput)
    .query(({ ctx, input }) => listUsers(ctx.db, ctx.actor, input)),
  setDisabled: authorizedProcedure("user.setDisabled")
    .input(setUserDisabledInput)
    .mutation(({ ctx, input }) => setUserDisabled(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
