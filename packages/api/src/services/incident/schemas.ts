import { z } from "zod";
import { GROUP_INVOLVEMENTS, INCIDENT_KINDS, INCIDENT_PARTY_ROLES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { recordId, recordVersion } from "../fields";
import { pageInput } from "../pagination";
import { plainText } from "../text";

// The incident domain's input rules: the procedures validate with these and the web app's
// incident list, form and review import the same objects (@truce/api/schemas/incident).

const limits = FIELD_LIMITS.incident;

/** A refinement checked only on a value that passed the checks before it: one message each. */
const once = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

/** A day to filter by ("2026-01-31"), from 1900 on. */
const filterDay = (key: string) =>
  z.iso.date(key).refine((value) => value >= "1900-01-01", { message: key, ...once });

export const listIncidentsInput = pageInput
  .extend({
    kind: z.enum(INCIDENT_KINDS, "validation.incident.kind").optional(),
    /** The first and last day of the period, both included. */
    from: filterDay("validation.incident.from").optional(),
    to: filterDay("validation.incident.to").optional(),
    district: plainText(limits.district, "validation.incident.district").optional(),
    conflictId: recordId.optional(),
  })
  .refine(({ from, to }) => !from || !to || from <= to, {
    message: "validation.incident.to",
    path: ["to"],
    ...once,
  });
export type ListIncidentsInput = z.infer<typeof listIncidentsInput>;

export const getIncidentInput = z.object({ id: recordId });
export type GetIncidentInput = z.infer<typeof getIncidentInput>;

/** When it happened, as a form's date-and-time input sends it (local time), or an ISO instant. */
const occurredAt = z.coerce
  .date("validation.incident.occurredAt")
  .min(new Date("1900-01-01T00:00:00Z"), "validation.incident.occurredAt")
  .refine((value) => value.getTime() <= Date.now() + 60_000, {
    message: "validation.incident.occurredAt",
    ...once,
  });

const casualties = (key: string) =>
  z.coerce.number(key).int(key).min(0, key).max(FIELD_LIMITS.incidentCasualties.max, key);

/** One party: a person or a group, as victim, suspect or linked. */
export const incidentPartyInput = z
  .object({
    individualId: recordId.optional(),
    groupId: recordId.optional(),
    role: z.enum(INCIDENT_PARTY_ROLES, "validation.incident.partyRole"),
  })
  .refine((party) => (party.individualId ? 1 : 0) + (party.groupId ? 1 : 0) === 1, {
    message: "validation.incident.party",
    path: ["individualId"],
    ...once,
  });

export const createIncidentInput = z.object({
  kind: z.enum(INCIDENT_KINDS, "validation.incident.kind"),
  occurredAt,
  district: plainText(limits.district, "validation.incident.district"),
  dead: casualties("validation.incident.dead").default(0),
  injured: casualties("validation.incident.injured").default(0),
  conflictId: z
    .union([z.literal("").transform(() => undefined), recordId], "validation.common.id")
    .nullish()
    .transform((value) => value ?? null),
  summary: plainText(limits.summary, "validation.incident.summary").default(""),
  parties: z
    .array(incidentPartyInput, "validation.incident.parties")
    .max(FIELD_LIMITS.incidentParties.max, "validation.incident.parties")
    .default([]),
});
export type CreateIncidentInput = z.infer<typeof createIncidentInput>;

/** The incident review: whether group members were involved, from the version seen. */
export const reviewIncidentInput = z.object({
  id: recordId,
  version: recordVersion,
  groupInvolvement: z.enum(GROUP_INVOLVEMENTS, "validation.incident.groupInvolvement"),
});
export type ReviewIncidentInput = z.infer<typeof reviewIncidentInput>;
