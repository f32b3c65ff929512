import { z } from "zod";
import { disabledFlag, recordId, recordVersion } from "../fields";
import { pageInput } from "../pagination";
import { searchText } from "../text";

// The user domain's input rules: the procedures validate with these and the admin app's
// user list imports the same objects (@truce/api/schemas/user).

export const listUsersInput = pageInput.extend({
  search: searchText,
});
export type ListUsersInput = z.infer<typeof listUsersInput>;

export const setUserDisabledInput = z.object({
  userId: recordId,
  disabled: disabledFlag,
  version: recordVersion,
});
export type SetUserDisabledInput = z.infer<typeof setUserDisabledInput>;
