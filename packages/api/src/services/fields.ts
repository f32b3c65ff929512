import { z } from "zod";

// The fields that the apps send for a person rather than the person typing them: a record's
// id from its address, the version a form was loaded with, a switch's state. Invalid ones
// mean a stale page or a broken link, and their messages say so.

/** The id of a record, as in its address. */
export const recordId = z.uuid("validation.common.id");

/** The largest value of PostgreSQL's `integer`, the type of every `version` column. */
const INTEGER_MAX = 2_147_483_647;

/**
 * The version of the record that the form was loaded with (a versioned update's guard).
 * Bounded by the column's type: a larger number is no version any row can have, and the
 * database would refuse it as an internal error rather than a stale page.
 */
export const recordVersion = z
  .number({ error: "validation.common.version" })
  .int("validation.common.version")
  .min(1, "validation.common.version")
  .max(INTEGER_MAX, "validation.common.version");

/** Whether a user or a membership is to be disabled (true) or enabled again (false). */
export const disabledFlag = z.boolean({ error: "validation.common.disabled" });
