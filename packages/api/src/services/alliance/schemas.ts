import { z } from "zod";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { calendarDate, once, optionalField, recordId, recordVersion, today } from "../fields";
import { pageInput } from "../pagination";
import { plainText } from "../text";

// The alliance domain's input rules: the procedures validate with these and the web app's
// alliance forms import the same objects (@truce/api/schemas/alliance).

/** The alliances, those in force first; of one group only when asked. */
export const listAlliancesInput = pageInput.extend({ groupId: recordId.optional() });
export type ListAlliancesInput = z.infer<typeof listAlliancesInput>;

/**
 * Two groups allied from a day that has passed (or of no known start), with a note. The
 * groups differ; a second alliance in force between the same two is refused by the service.
 */
/** A group chosen from the form's list (none chosen is an empty value). */
const groupChoice = z.uuid("validation.alliance.group");

export const createAllianceInput = z
  .object({
    groupAId: groupChoice,
    groupBId: groupChoice,
    fromOn: optionalField(
      calendarDate("validation.alliance.fromOn", (value) => value <= today()),
      "validation.alliance.fromOn",
    ),
    note: optionalField(
      plainText(FIELD_LIMITS.alliance.note, "validation.alliance.note"),
      "validation.alliance.note",
    ),
  })
  .refine((alliance) => alliance.groupAId !== alliance.groupBId, {
    message: "validation.alliance.sameGroup",
    path: ["groupBId"],
    ...once,
  });
export type CreateAllianceInput = z.infer<typeof createAllianceInput>;

/**
 * An alliance ends, from the version seen, on its last day: not after today (one that has not
 * ended stays in force) nor before its first (the service checks that, knowing the start).
 */
export const endAllianceInput = z.object({
  id: recordId,
  version: recordVersion,
  toOn: calendarDate("validation.alliance.toOn", (value) => value <= today()),
});
export type EndAllianceInput = z.infer<typeof endAllianceInput>;
