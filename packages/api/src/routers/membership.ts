import type { TRPCRouterRecord } from "@trpc/server";
import {
  setMembershipDisabled,
  setMembershipDisabledInput,
} from "../services/membership/set-membership-disabled";
import {
  setMembershipRole,
  setMembershipRoleInput,
} from "../services/membership/set-membership-role";
import { authorizedProcedure } from "../trpc";

export const membershipRouter = {
  setRole: authorizedProcedure("membership.setRole")
    .input(setMembershipRoleInput)
    .mutation(({ ctx, input }) => setMembershipRole(ctx.db, ctx.actor, input)),
  setDisabled: authorizedProcedure("membership.setDisabled")
    .input(setMembershipDisabledInput)
    .mutation(({ ctx, input }) => setMembershipDisabled(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
