import type { TRPCRouterRecord } from "@trpc/server";
import { addGroupMember } from "../services/group/add-group-member";
import { createGroup } from "../services/group/create-group";
import { endGroupMembership } from "../services/group/end-group-membership";
import { getGroupProfile } from "../services/group/get-group-profile";
import { listGroups } from "../services/group/list-groups";
import { lookupGroups } from "../services/group/lookup-groups";
import {
  addGroupMemberInput,
  createGroupInput,
  endGroupMembershipInput,
  getGroupInput,
  listGroupsInput,
  lookupGroupsInput,
  updateGroupInput,
} from "../services/group/schemas";
import { updateGroup } from "../services/group/update-group";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const groupRouter = {
  list: authorizedProcedure("group.list")
    .input(listGroupsInput)
    .query(({ ctx, input }) => listGroups(ctx, input)),
  /** A picker's choices as the user types: a few groups by name, nothing of their members. */
  lookup: authorizedProcedure("group.list")
    .input(lookupGroupsInput)
    .query(({ ctx, input }) => lookupGroups(ctx, input)),
  /** A group's profile, which shows its members; the read is logged with the purpose. */
  byId: caseContentProcedure("group.read")
    .input(getGroupInput)
    .query(({ ctx, input }) => getGroupProfile(ctx, input)),
  create: authorizedProcedure("group.create")
    .input(createGroupInput)
    .mutation(({ ctx, input }) => createGroup(ctx, input)),
  update: authorizedProcedure("group.update")
    .input(updateGroupInput)
    .mutation(({ ctx, input }) => updateGroup(ctx, input)),
  addMember: authorizedProcedure("group.update")
    .input(addGroupMemberInput)
    .mutation(({ ctx, input }) => addGroupMember(ctx, input)),
  endMembership: authorizedProcedure("group.update")
    .input(endGroupMembershipInput)
    .mutation(({ ctx, input }) => endGroupMembership(ctx, input)),
} satisfies TRPCRouterRecord;
