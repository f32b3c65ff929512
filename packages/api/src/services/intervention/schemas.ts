import { z } from "zod";
import {
  CONVERSATION_CHANNELS,
  DELIVERY_RESULTS,
  ENFORCEMENT_KINDS,
  INTERVENTION_KINDS,
  INTERVENTION_STATUSES,
  PARTICIPANT_RESPONSES,
  VISIBILITIES,
  type AGENCY_KINDS,
} from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { once, optionalField, recordId, recordVersion } from "../fields";
import { plainText } from "../text";

// The intervention domain's input rules (@truce/api/schemas/intervention): the procedures
// validate with these and the web app's intervention form imports the same objects.

const limits = FIELD_LIMITS.intervention;
type AgencyKind = (typeof AGENCY_KINDS)[number];
type Visibility = (typeof VISIBILITIES)[number];
type InterventionKind = (typeof INTERVENTION_KINDS)[number];

/**
 * The visibility an intervention starts with, by the lead agency's kind (DOMAIN.md,
 * "Visibility"). Police intelligence and social services' support details stay within the
 * agency; so do the prosecution's and the other agencies' (sharing is a choice the person
 * makes, never a default they did not see). The exit programme and the probation service
 * work with the programme on the person's way out, so theirs are shared by default. The form
 * starts from this and the procedure applies it when no visibility is sent.
 */
export function defaultInterventionVisibility(agencyKind: AgencyKind): Visibility {
  switch (agencyKind) {
    case "exit_programme":
    case "probation":
      return "programme";
    case "police":
    case "social_services":
    case "prosecution":
    case "school":
    case "housing":
    case "employment":
    case "other":
      return "agency";
  }
}

/** The kinds that are about one person at least, so they need someone named. */
export const KINDS_WITH_PEOPLE: readonly InterventionKind[] = [
  "call_in",
  "custom_notification",
  "home_visit",
  "support_offer",
];

export const listInterventionsForIndividualInput = z.object({ individualId: recordId });
export type ListInterventionsForIndividualInput = z.infer<
  typeof listInterventionsForIndividualInput
>;

export const getInterventionInput = z.object({ id: recordId });
export type GetInterventionInput = z.infer<typeof getInterventionInput>;

/**
 * When it took place (or is planned for), as a form's date-and-time input sends it (local
 * time), or an ISO instant; from 1900, at most five years ahead. Done is not in the future
 * (checked with the status, below).
 */
const FIVE_YEARS = 5 * 366 * 86_400_000;
const occurredAt = z.coerce
  .date("validation.intervention.occurredAt")
  .min(new Date("1900-01-01T00:00:00Z"), "validation.intervention.occurredAt")
  .refine((value) => value.getTime() <= Date.now() + FIVE_YEARS, {
    message: "validation.intervention.occurredAt",
    ...once,
  });

const response = optionalField(
  z.enum(PARTICIPANT_RESPONSES, "validation.intervention.response"),
  "validation.intervention.response",
);

/** A person the intervention concerned (a call-in's invited), and their response if known. */
export const interventionParticipantInput = z.object({ individualId: recordId, response });

/** A speaker at a call-in: a name, what they stand for, and optionally their agency. */
export const interventionSpeakerInput = z.object({
  name: plainText(FIELD_LIMITS.interventionSpeaker.name, "validation.intervention.speakerName"),
  role: plainText(FIELD_LIMITS.interventionSpeaker.role, "validation.intervention.speakerRole"),
  agencyId: optionalField(recordId, "validation.common.id"),
});

const text = (max: { max: number }, key: string) => plainText(max, key).default("");

const fieldsOfEveryKind = {
  status: z.enum(INTERVENTION_STATUSES, "validation.intervention.status"),
  occurredAt,
  summary: text(limits.summary, "validation.intervention.summary"),
  result: text(limits.result, "validation.intervention.result"),
  message: text(limits.message, "validation.intervention.message"),
};

/**
 * A done intervention took place already: not later than now (a minute's clock skew). The
 * refinements below also run when another field failed (so a form shows every message at
 * once), and so look at each value's type before using it.
 */
function doneNotInFuture(
  value: { status: unknown; occurredAt: unknown },
  ctx: z.RefinementCtx,
): void {
  if (
    value.status === "done" &&
    value.occurredAt instanceof Date &&
    value.occurredAt.getTime() > Date.now() + 60_000 &&
    // beyond the field's own range, its own message says it
    value.occurredAt.getTime() <= Date.now() + FIVE_YEARS
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["occurredAt"],
      message: "validation.intervention.occurredAtDone",
    });
  }
}

/**
 * Records an intervention of any kind. The fields of another kind than the one chosen (a
 * conversation's channel on a call-in, left from a form whose kind was changed) are not
 * refused but dropped by the service, so the form can keep them while the kind is changed.
 */
export const createInterventionInput = z
  .object({
    kind: z.enum(INTERVENTION_KINDS, "validation.intervention.kind"),
    enforcementKind: optionalField(
      z.enum(ENFORCEMENT_KINDS, "validation.intervention.enforcementKind"),
      "validation.intervention.enforcementKind",
    ),
    ...fieldsOfEveryKind,
    /** Left out: the default of the actor's agency (defaultInterventionVisibility). */
    visibility: z.enum(VISIBILITIES, "validation.intervention.visibility").optional(),
    groupId: optionalField(recordId, "validation.common.id"),
    conflictId: optionalField(recordId, "validation.common.id"),
    triggeringIncidentId: optionalField(recordId, "validation.common.id"),
    channel: optionalField(
      z.enum(CONVERSATION_CHANNELS, "validation.intervention.channel"),
      "validation.intervention.channel",
    ),
    deliveryResult: optionalField(
      z.enum(DELIVERY_RESULTS, "validation.intervention.deliveryResult"),
      "validation.intervention.deliveryResult",
    ),
    participants: z
      .array(interventionParticipantInput, "validation.intervention.participants")
      .max(FIELD_LIMITS.interventionParticipants.max, "validation.intervention.participants")
      .default([]),
    agencyIds: z
      .array(recordId, "validation.intervention.agencies")
      .max(FIELD_LIMITS.interventionAgencies.max, "validation.intervention.agencies")
      .default([]),
    speakers: z
      .array(interventionSpeakerInput, "validation.intervention.speakers")
      .max(FIELD_LIMITS.interventionSpeakers.max, "validation.intervention.speakers")
      .default([]),
  })
  .superRefine((value, ctx) => {
    doneNotInFuture(value, ctx);
    if (value.kind === "enforcement" && !value.enforcementKind) {
      ctx.addIssue({
        code: "custom",
        path: ["enforcementKind"],
        message: "validation.intervention.enforcementKind",
      });
    }
    if (value.kind === "custom_notification") {
      if (!value.channel) {
        ctx.addIssue({
          code: "custom",
          path: ["channel"],
          message: "validation.intervention.channel",
        });
      }
      if (value.status === "done" && !value.deliveryResult) {
        ctx.addIssue({
          code: "custom",
          path: ["deliveryResult"],
          message: "validation.intervention.deliveryResult",
        });
      }
    }
    const named = Array.isArray(value.participants) ? value.participants.length : 1;
    if (KINDS_WITH_PEOPLE.includes(value.kind) && named === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["participants"],
        message: "validation.intervention.participantsRequired",
      });
    }
  });
export type CreateInterventionInput = z.infer<typeof createInterventionInput>;

/**
 * A change of an intervention from the version seen: its status, time and texts, and the
 * responses of people already among its participants (mark a planned call-in done and
 * record who came).
 */
export const updateInterventionInput = z
  .object({
    id: recordId,
    version: recordVersion,
    ...fieldsOfEveryKind,
    visibility: z.enum(VISIBILITIES, "validation.intervention.visibility"),
    responses: z
      .array(interventionParticipantInput, "validation.intervention.participants")
      .max(FIELD_LIMITS.interventionParticipants.max, "validation.intervention.participants")
      .default([]),
  })
  .superRefine(doneNotInFuture);
export type UpdateInterventionInput = z.infer<typeof updateInterventionInput>;
