import { z } from "zod";
import { ACCESS_ACTIONS } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { recordId } from "../fields";
import { pageInput } from "../pagination";
import { plainText } from "../text";

// The access log's filters: the procedure validates with these and the admin app's filter
// bar imports the same object (@truce/api/schemas/access-log).

export const listAccessLogInput = pageInput.extend({
  userId: recordId.optional(),
  action: z.enum(ACCESS_ACTIONS, "validation.accessLog.action").optional(),
  entityType: plainText(
    FIELD_LIMITS.accessLog.entityType,
    "validation.accessLog.entityType",
  ).optional(),
  entityId: plainText(FIELD_LIMITS.accessLog.entityId, "validation.accessLog.entityId").optional(),
  from: z.coerce.date("validation.accessLog.from").optional(),
  to: z.coerce.date("validation.accessLog.to").optional(),
});
export type ListAccessLogInput = z.infer<typeof listAccessLogInput>;
