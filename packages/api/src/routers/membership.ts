import type { TRPCRouterRecord } from "@trpc/server";
import { setMembershipDisabledInput, setMembershipRoleInput } from "../services/membership/schemas";
import { setMembershipDisabled } from "../services/membership/set-membership-disabled";
import { setMembershipRole } from "../services/membership/set-membership-role";
import { authorizedProcedure } from "../trpc";

export const membershipRouter = {
  setRole: authorizedProcedure("membership.setRole")
    .input(setMembershipRoleInput)
    .mutation(({ ctx, input }) => setMembershipRole(ctx, input)),
  setDisabled: authorizedProcedure("membership.setDisabled")
    .input(setMembershipDisabledInput)
    .mutation(({ ctx, input }) => setMembershipDisabled(ctx, input)),
} satisfies TRPCRouterRecord;
