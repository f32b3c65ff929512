import { z } from "zod";
import { CONFLICT_STATUSES, RISK_LEVELS } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { calendarDate, once, optionalField, recordId, recordVersion, today } from "../fields";
import { pageInput } from "../pagination";
import { plainText, searchText } from "../text";

// The conflict domain's input rules: the procedures validate with these and the web app's
// conflict list, its filters and the conflict forms import the same objects
// (@truce/api/schemas/conflict).

const limits = FIELD_LIMITS.conflict;

const status = z.enum(CONFLICT_STATUSES, "validation.conflict.status");
const riskLevel = z.enum(RISK_LEVELS, "validation.conflict.riskLevel");

export const listConflictsInput = pageInput.extend({
  /** Words of the title. */
  search: searchText,
  /** One status or several (any of them); none is every status. */
  // The size checks only on an array: zod would otherwise also measure a string's length.
  status: z
    .array(status, "validation.conflict.status")
    .min(1, { message: "validation.conflict.status", ...once })
    .max(CONFLICT_STATUSES.length, { message: "validation.conflict.status", ...once })
    .optional(),
  riskLevel: riskLevel.optional(),
});
export type ListConflictsInput = z.infer<typeof listConflictsInput>;

/**
 * A picker's search for a conflict: by title, or the one conflict of an id (a chosen conflict
 * whose title the form must show); neither gives the first conflicts by title. `open` leaves
 * the resolved ones out, as a form that records new events does.
 */
export const lookupConflictsInput = z.object({
  search: searchText,
  id: recordId.optional(),
  open: z.boolean("validation.conflict.open").default(false),
});
export type LookupConflictsInput = z.infer<typeof lookupConflictsInput>;

export const getConflictInput = z.object({ id: recordId });
export type GetConflictInput = z.infer<typeof getConflictInput>;

/** What a conflict's record says about it, as the record and edit forms fill it in. */
const conflictFields = z.object({
  title: plainText(limits.title, "validation.conflict.title"),
  startedOn: optionalField(
    calendarDate("validation.conflict.startedOn", (value) => value <= today()),
    "validation.conflict.startedOn",
  ),
  description: optionalField(
    plainText(limits.description, "validation.conflict.description"),
    "validation.conflict.description",
  ),
});

/** The fields of a conflict's record that editing changes, in form order. */
export const CONFLICT_FIELDS = conflictFields.keyof().options;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

/** What a party of a conflict is: a group, or a person in the register. */
export const CONFLICT_PARTY_KINDS = ["group", "individual"] as const;

/** One party: a group or a person, and the label of its side ("A", "B", or a name). */
export const conflictPartyInput = z.object({
  kind: z.enum(CONFLICT_PARTY_KINDS, "validation.conflict.partyKind"),
  id: recordId,
  side: plainText(FIELD_LIMITS.conflictParty.side, "validation.conflict.side"),
});
export type ConflictPartyInput = z.infer<typeof conflictPartyInput>;

/** The same side whatever the case or spacing a person typed its label with. */
export const sideKey = (side: string) => side.trim().toLowerCase();

/**
 * A conflict as it is first recorded: its record, its status and risk now (the first row of
 * its history), and its parties: each group or person once, on two sides at least.
 */
export const createConflictInput = conflictFields.extend({
  status,
  riskLevel,
  parties: z
    .array(conflictPartyInput, "validation.conflict.parties")
    .min(FIELD_LIMITS.conflictParties.min, { message: "validation.conflict.parties", ...once })
    .max(FIELD_LIMITS.conflictParties.max, { message: "validation.conflict.parties", ...once })
    .refine((parties) => new Set(parties.map((p) => `${p.kind}:${p.id}`)).size === parties.length, {
      message: "validation.conflict.partyTwice",
      ...once,
    })
    .refine((parties) => new Set(parties.map((p) => sideKey(p.side))).size >= 2, {
      message: "validation.conflict.sides",
      ...once,
    }),
});
export type CreateConflictInput = z.infer<typeof createConflictInput>;

/** A change of a conflict's record, from the version the form was loaded with. */
export const updateConflictInput = conflictFields.extend({ id: recordId, version: recordVersion });
export type UpdateConflictInput = z.infer<typeof updateConflictInput>;

/**
 * A change of a conflict's status or risk level (or both), from the version seen, and why:
 * a row of its history. A field left out stays as it is.
 */
export const setConflictStatusInput = z
  .object({
    id: recordId,
    version: recordVersion,
    status: status.optional(),
    riskLevel: riskLevel.optional(),
    reason: optionalField(
      plainText(FIELD_LIMITS.conflictChange.reason, "validation.conflict.reason"),
      "validation.conflict.reason",
    ),
  })
  .refine((change) => change.status !== undefined || change.riskLevel !== undefined, {
    message: "validation.conflict.change",
    path: ["status"],
    ...once,
  });
export type SetConflictStatusInput = z.infer<typeof setConflictStatusInput>;
