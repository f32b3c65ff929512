import { z } from "zod";
import {
  INDIVIDUAL_CATEGORIES,
  INDIVIDUAL_STATUSES,
  RISK_LEVELS,
  SUPERVISIONS,
} from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { addMonths } from "@truce/db/programme-calendar";
import { calendarDate, optionalField, recordId, recordVersion, today } from "../fields";
import { pageInput } from "../pagination";
import { plainText, searchText } from "../text";

// The individual domain's input rules: the procedures validate with these and the web app's
// register, its filters and the person forms import the same objects
// (@truce/api/schemas/individual).

const limits = FIELD_LIMITS.individual;

/** The orders the register offers, each served by an index (list-individuals.ts). */
export const INDIVIDUAL_SORTS = ["name", "reviewDue"] as const;
export const SORT_DIRECTIONS = ["asc", "desc"] as const;
/** Minors (under 18 by their date of birth) or adults (18 or over, or no date known). */
export const AGE_FILTERS = ["minors", "adults"] as const;

export const listIndividualsInput = pageInput.extend({
  search: searchText,
  status: z.enum(INDIVIDUAL_STATUSES, "validation.individual.status").optional(),
  riskLevel: z.enum(RISK_LEVELS, "validation.individual.riskLevel").optional(),
  category: z.enum(INDIVIDUAL_CATEGORIES, "validation.individual.category").optional(),
  groupId: recordId.optional(),
  district: plainText(limits.district, "validation.individual.district").optional(),
  registeringAgencyId: recordId.optional(),
  age: z.enum(AGE_FILTERS, "validation.individual.age").optional(),
  sort: z.enum(INDIVIDUAL_SORTS, "validation.individual.sort").default("name"),
  direction: z.enum(SORT_DIRECTIONS, "validation.individual.sort").default("asc"),
});
export type ListIndividualsInput = z.infer<typeof listIndividualsInput>;

export const getIndividualProfileInput = z.object({ id: recordId });
export type GetIndividualProfileInput = z.infer<typeof getIndividualProfileInput>;

/** Months from today (the programme's), for the latest review date a form may set. */
const monthsFromToday = (months: number) => addMonths(today(), months);

const dateOfBirth = optionalField(
  calendarDate("validation.individual.dateOfBirth", (value) => value <= today()),
  "validation.individual.dateOfBirth",
);

const nationalId = optionalField(
  plainText(limits.nationalId, "validation.individual.nationalId").regex(
    /^[0-9A-Za-z+-]+$/,
    "validation.individual.nationalId",
  ),
  "validation.individual.nationalId",
);

const alias = plainText(FIELD_LIMITS.alias, "validation.individual.alias");

/** What a person's record says about them, as the register and edit forms fill it in. */
const individualFields = z.object({
  givenName: plainText(limits.givenName, "validation.individual.givenName"),
  familyName: plainText(limits.familyName, "validation.individual.familyName"),
  aliases: z
    .array(alias, "validation.individual.aliases")
    .max(limits.aliases.max, "validation.individual.aliases")
    .default([]),
  dateOfBirth,
  nationalId,
  district: plainText(limits.district, "validation.individual.district"),
  riskLevel: z.enum(RISK_LEVELS, "validation.individual.riskLevel"),
  supervision: z.enum(SUPERVISIONS, "validation.individual.supervision"),
  category: z.enum(INDIVIDUAL_CATEGORIES, "validation.individual.category"),
  registrationReason: plainText(
    limits.registrationReason,
    "validation.individual.registrationReason",
  ),
});

/** The fields of a person's record that registering and editing fill in, in form order. */
export const PERSON_FIELDS = individualFields.keyof().options;
export type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * A new registration. The review date may be left out: it then defaults to the platform
 * setting's period from today. It must lie ahead, and no further than the longest period.
 */
export const createIndividualInput = individualFields.extend({
  reviewDue: optionalField(
    calendarDate(
      "validation.individual.reviewDue",
      (value) => value > today() && value <= monthsFromToday(FIELD_LIMITS.reviewPeriod.max),
    ),
    "validation.individual.reviewDue",
  ),
});
export type CreateIndividualInput = z.infer<typeof createIndividualInput>;

/** A change of a person's record, from the version the form was loaded with. */
export const updateIndividualInput = individualFields.extend({
  id: recordId,
  version: recordVersion,
});
export type UpdateIndividualInput = z.infer<typeof updateIndividualInput>;

/** A change of a person's status (exit process, relocated, ...), from the version seen. */
export const setIndividualStatusInput = z.object({
  id: recordId,
  version: recordVersion,
  status: z.enum(INDIVIDUAL_STATUSES, "validation.individual.status"),
});
export type SetIndividualStatusInput = z.infer<typeof setIndividualStatusInput>;

/** Who may already be in the register: asked before a registration is saved. */
export const likelyDuplicatesInput = z.object({
  givenName: plainText(limits.givenName, "validation.individual.givenName"),
  familyName: plainText(limits.familyName, "validation.individual.familyName"),
  dateOfBirth,
});
export type LikelyDuplicatesInput = z.infer<typeof likelyDuplicatesInput>;

/** What a person's timeline holds: one branch of its statement each (get-timeline.ts). */
export const TIMELINE_KINDS = [
  "incident",
  "intervention",
  "note",
  "outcome",
  "referral",
  "referral_event",
] as const;

/**
 * Where a page of a person's timeline starts: the last item of the page before, in the
 * timeline's order (at desc, kind, id desc). The server hands it out as `nextCursor`; `at`
 * is to the microsecond, as the database holds it (a Date would round it to milliseconds,
 * and a page would then skip or repeat the items of that millisecond).
 */
const cursorMessage = "validation.timeline.cursor";
export const timelineCursor = z.object(
  {
    at: z.iso
      .datetime({ precision: 6, error: cursorMessage })
      // Year 0 is no year PostgreSQL knows: refused here, not as a database error.
      .refine((value) => !value.startsWith("0000"), cursorMessage),
    kind: z.enum(TIMELINE_KINDS, cursorMessage),
    id: z.uuid(cursorMessage),
  },
  cursorMessage,
);
export type TimelineCursor = z.infer<typeof timelineCursor>;

export const individualTimelineInput = z.object({
  individualId: recordId,
  // The first page has none (null as some clients send it).
  cursor: timelineCursor.nullish(),
  limit: z
    .number({ error: "validation.timeline.limit" })
    .int("validation.timeline.limit")
    .min(FIELD_LIMITS.timeline.limit.min, "validation.timeline.limit")
    .max(FIELD_LIMITS.timeline.limit.max, "validation.timeline.limit")
    .default(FIELD_LIMITS.timeline.limit.default),
});
export type IndividualTimelineInput = z.infer<typeof individualTimelineInput>;

export const individualConnectionsInput = z.object({ individualId: recordId });
export type IndividualConnectionsInput = z.infer<typeof individualConnectionsInput>;
