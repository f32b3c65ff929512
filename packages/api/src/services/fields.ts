import { programmeToday } from "@truce/db/programme-calendar";
import { z } from "zod";

// The fields that the apps send for a person rather than the person typing them: a record's
// id from its address, the version a form was loaded with, a switch's state. Invalid ones
// mean a stale page or a broken link, and their messages say so. Below them, the shapes that
// several domains' fields share (a calendar date, a field a form may leave empty).

/** The id of a record, as in its address. */
export const recordId = z.uuid("validation.common.id");

/** The largest value of PostgreSQL's `integer`, the type of every `version` column. */
const INTEGER_MAX = 2_147_483_647;

/**
 * The version of the record that the form was loaded with (a versioned update's guard).
 * Bounded by the column's type: a larger number is no version any row can have, and the
 * database would refuse it as an internal error rather than a stale page.
 */
export const recordVersion = versionFrom(1);

/**
 * The version of a row that a database may not hold yet (the platform's settings, which a
 * fresh server has none of): 0 while it is not written, as its read says, else as above.
 */
export const versionOrUnwritten = versionFrom(0);

function versionFrom(min: number) {
  return z
    .number({ error: "validation.common.version" })
    .int("validation.common.version")
    .min(min, "validation.common.version")
    .max(INTEGER_MAX, "validation.common.version");
}

/** Whether a user or a membership is to be disabled (true) or enabled again (false). */
export const disabledFlag = z.boolean({ error: "validation.common.disabled" });

/** A refinement checked only on a value that passed the checks before it: one message each. */
export const once = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

/** Today on the programme's calendar (Europe/Stockholm), as a form sends a date ("2026-01-31"). */
export const today = programmeToday;

/** The calendar the reports cover: a day outside it is not a report's, nor one they mark. */
export const REPORT_DAYS = { first: "1970-01-01", last: "2099-12-31" } as const;

/** A calendar date as a form sends it ("2026-01-31"), from 1900 on; `rule` a further check. */
export const calendarDate = (key: string, rule: (value: string) => boolean) =>
  z.iso
    .date(key)
    .refine((value) => value >= "1900-01-01" && rule(value), { message: key, ...once });

/**
 * A field a form may leave empty: "" (an empty input), null and leaving it out all mean
 * none, which the procedure gets as null (so what it returns it also takes).
 */
export function optionalField<T extends z.ZodType<string>>(field: T, key: string) {
  return z
    .union([z.literal("").transform(() => undefined), field], key)
    .nullish()
    .transform((value) => value ?? null);
}
