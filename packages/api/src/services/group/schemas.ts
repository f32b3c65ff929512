import { z } from "zod";
import { AFFILIATIONS, GROUP_STATUSES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { calendarDate, optionalField, recordId, recordVersion, today } from "../fields";
import { pageInput } from "../pagination";
import { plainText, searchText } from "../text";

// The group domain's input rules: the procedures validate with these and the web app's group
// list, its filters and the group forms import the same objects (@truce/api/schemas/group).

const limits = FIELD_LIMITS.group;

const status = z.enum(GROUP_STATUSES, "validation.group.status");
const area = plainText(limits.area, "validation.group.area");

export const listGroupsInput = pageInput.extend({
  search: searchText,
  status: status.optional(),
  area: area.optional(),
});
export type ListGroupsInput = z.infer<typeof listGroupsInput>;

/**
 * A picker's search for a group: by name or alias, or the one group of an id (a chosen group
 * whose name the form must show); neither gives the first groups by name.
 */
export const lookupGroupsInput = z.object({ search: searchText, id: recordId.optional() });
export type LookupGroupsInput = z.infer<typeof lookupGroupsInput>;

export const getGroupInput = z.object({ id: recordId });
export type GetGroupInput = z.infer<typeof getGroupInput>;

const alias = plainText(FIELD_LIMITS.alias, "validation.group.alias");

/** What a group's record says, as the record and edit forms fill it in. */
const groupFields = z.object({
  name: plainText(limits.name, "validation.group.name"),
  aliases: z
    .array(alias, "validation.group.aliases")
    .max(limits.aliases.max, "validation.group.aliases")
    .default([]),
  area,
  status: status.default("active"),
  description: optionalField(
    plainText(limits.description, "validation.group.description"),
    "validation.group.description",
  ),
});

/** The fields of a group's record that recording and editing fill in, in form order. */
export const GROUP_FIELDS = groupFields.keyof().options;
export type GroupField = (typeof GROUP_FIELDS)[number];

export const createGroupInput = groupFields;
export type CreateGroupInput = z.infer<typeof createGroupInput>;

/** A change of a group's record, from the version the form was loaded with. */
export const updateGroupInput = groupFields.extend({ id: recordId, version: recordVersion });
export type UpdateGroupInput = z.infer<typeof updateGroupInput>;

/**
 * A person joins a group: from a day that has passed (or of no known start), with where the
 * knowledge comes from.
 */
export const addGroupMemberInput = z.object({
  groupId: recordId,
  individualId: recordId,
  affiliation: z.enum(AFFILIATIONS, "validation.group.affiliation"),
  fromOn: optionalField(
    calendarDate("validation.group.fromOn", (value) => value <= today()),
    "validation.group.fromOn",
  ),
  source: optionalField(
    plainText(FIELD_LIMITS.groupMembership.source, "validation.group.source"),
    "validation.group.source",
  ),
});
export type AddGroupMemberInput = z.infer<typeof addGroupMemberInput>;

/**
 * A membership ends, from the version seen: on its last day, today unless given, which is not
 * after today (a membership that has not ended yet stays open) nor before its start (the
 * service checks that, knowing the start).
 */
export const endGroupMembershipInput = z.object({
  membershipId: recordId,
  version: recordVersion,
  toOn: optionalField(
    calendarDate("validation.group.toOn", (value) => value <= today()),
    "validation.group.toOn",
  ),
});
export type EndGroupMembershipInput = z.infer<typeof endGroupMembershipInput>;
