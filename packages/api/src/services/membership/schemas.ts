import { z } from "zod";
import { MEMBERSHIP_ROLES } from "@truce/db/enum-values";
import { disabledFlag, recordId, recordVersion } from "../fields";

// The membership domain's input rules: the procedures validate with these and the admin
// app's controls import the same objects (@truce/api/schemas/membership).

export const setMembershipRoleInput = z.object({
  membershipId: recordId,
  role: z.enum(MEMBERSHIP_ROLES, "validation.membership.role"),
  version: recordVersion,
});
export type SetMembershipRoleInput = z.infer<typeof setMembershipRoleInput>;

export const setMembershipDisabledInput = z.object({
  membershipId: recordId,
  disabled: disabledFlag,
  version: recordVersion,
});
export type SetMembershipDisabledInput = z.infer<typeof setMembershipDisabledInput>;
