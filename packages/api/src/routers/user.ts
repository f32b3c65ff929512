import type { TRPCRouterRecord } from "@trpc/server";
import { listUsers } from "../services/user/list-users";
import { listUsersInput, setUserDisabledInput } from "../services/user/schemas";
import { setUserDisabled } from "../services/user/set-user-disabled";
import { authorizedProcedure } from "../trpc";

export const userRouter = {
  list: authorizedProcedure("user.list")
    .input(listUsersInput)
    .query(({ ctx, input }) => listUsers(ctx, input)),
  setDisabled: authorizedProcedure("user.setDisabled")
    .input(setUserDisabledInput)
    .mutation(({ ctx, input }) => setUserDisabled(ctx, input)),
} satisfies TRPCRouterRecord;
