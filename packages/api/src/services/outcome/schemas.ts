import { z } from "zod";
import { OUTCOME_KINDS, type INDIVIDUAL_STATUSES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { calendarDate, optionalField, recordId, recordVersion, today } from "../fields";
import { plainText } from "../text";

// The outcome domain's input rules: the procedure validates with these and the web app's
// "record an outcome" dialog imports the same objects (@truce/api/schemas/outcome), the rule
// of which outcome moves the person's status included, so the dialog says what will happen.

type OutcomeKind = (typeof OUTCOME_KINDS)[number];
type IndividualStatus = (typeof INDIVIDUAL_STATUSES)[number];

/**
 * The status an outcome puts the person in, or null when it leaves their status as it is:
 * relocated → relocated, left the criminal context → exited, imprisoned → incarcerated,
 * deceased → deceased; took steps to leave → in the exit process, but only from active (a
 * person already exited, relocated or in prison keeps that status). Death is final: no later
 * outcome moves a deceased person's status. Null too when the person already has that status.
 */
export function statusAfterOutcome(
  kind: OutcomeKind,
  current: IndividualStatus,
): IndividualStatus | null {
  if (current === "deceased") return null;
  const next: IndividualStatus | null =
    kind === "relocated"
      ? "relocated"
      : kind === "left_criminal_context"
        ? "exited"
        : kind === "imprisoned"
          ? "incarcerated"
          : kind === "deceased"
            ? "deceased"
            : kind === "took_steps_to_leave" && current === "active"
              ? "in_exit_process"
              : null;
  return next === current ? null : next;
}

/**
 * A milestone for a person, recorded as the actor's agency: its kind, the day it happened
 * (not in the future), an optional note, and the version of the person's record the form was
 * loaded with (the status that follows is changed from that version, or the whole is refused).
 */
export const createOutcomeInput = z.object({
  individualId: recordId,
  version: recordVersion,
  kind: z.enum(OUTCOME_KINDS, "validation.outcome.kind"),
  occurredAt: calendarDate("validation.outcome.occurredAt", (value) => value <= today()),
  note: optionalField(
    plainText(FIELD_LIMITS.outcome.note, "validation.outcome.note"),
    "validation.outcome.note",
  ),
});
export type CreateOutcomeInput = z.infer<typeof createOutcomeInput>;
