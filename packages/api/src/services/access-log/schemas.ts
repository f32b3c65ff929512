import { z } from "zod";
import { ACCESS_ACTIONS } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { recordId } from "../fields";
import { pageInput } from "../pagination";
import { plainText } from "../text";

// The access log's filters: the procedure validates with these and the admin app's filter
// bar imports the same object (@truce/api/schemas/access-log).

/**
 * A date to filter by, within the years PostgreSQL's timestamps hold the same as
 * JavaScript's: a date before year 1 or after 9999 is invalid input, not a database error.
 */
const filterDate = (key: "validation.accessLog.from" | "validation.accessLog.to") =>
  z.coerce
    .date(key)
    .min(new Date("1900-01-01T00:00:00Z"), key)
    .max(new Date("9999-12-31T23:59:59Z"), key);

export const listAccessLogInput = pageInput.extend({
  userId: recordId.optional(),
  action: z.enum(ACCESS_ACTIONS, "validation.accessLog.action").optional(),
  entityType: plainText(
    FIELD_LIMITS.accessLog.entityType,
    "validation.accessLog.entityType",
  ).optional(),
  entityId: plainText(FIELD_LIMITS.accessLog.entityId, "validation.accessLog.entityId").optional(),
  from: filterDate("validation.accessLog.from").optional(),
  to: filterDate("validation.accessLog.to").optional(),
});
export type ListAccessLogInput = z.infer<typeof listAccessLogInput>;
