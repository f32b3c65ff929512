import { z } from "zod";
import { REFERRAL_SERVICES, REFERRAL_STATUSES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { calendarDate, once, optionalField, recordId, recordVersion, today } from "../fields";
import { pageInput } from "../pagination";
import { plainText } from "../text";

// The referral domain's input rules and its steps: the procedures validate with these and
// the web app's referral list, its filters, the refer dialog and the step buttons import the
// same objects (@truce/api/schemas/referral).

export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The statuses of a referral still under way: sent and not yet answered, or taken on. */
export const OPEN_REFERRAL_STATUSES = ["sent", "accepted", "in_progress"] as const;

/** The statuses a step can give a referral: every one but the one it is sent with. */
export const REFERRAL_STEPS = [
  "accepted",
  "declined",
  "in_progress",
  "completed",
  "withdrawn",
] as const;
export type ReferralStep = (typeof REFERRAL_STEPS)[number];

/**
 * The referral's steps as a state machine: from each status, the steps that may follow. A
 * declined, completed or withdrawn referral is finished and stays so.
 */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStep[]> = {
  sent: ["accepted", "declined", "withdrawn"],
  accepted: ["in_progress", "completed", "withdrawn"],
  in_progress: ["completed", "withdrawn"],
  declined: [],
  completed: [],
  withdrawn: [],
};

/** Which of the two agencies takes each step: the one asked (receiver), or the one asking. */
export const REFERRAL_STEP_TAKER: Record<ReferralStep, "receiver" | "sender"> = {
  accepted: "receiver",
  declined: "receiver",
  in_progress: "receiver",
  completed: "receiver",
  withdrawn: "sender",
};

/** The steps an agency may take on a referral now: the one rule the API and the screen share. */
export function referralStepsFor(
  status: ReferralStatus,
  side: "receiver" | "sender" | null,
): ReferralStep[] {
  if (!side) return [];
  return REFERRAL_TRANSITIONS[status].filter((step) => REFERRAL_STEP_TAKER[step] === side);
}

/** Which referrals a list shows: those sent to the actor's agency, or those it sent. */
export const REFERRAL_BOXES = ["received", "sent"] as const;
export type ReferralBox = (typeof REFERRAL_BOXES)[number];

const status = z.enum(REFERRAL_STATUSES, "validation.referral.status");

export const listReferralsInput = pageInput.extend({
  box: z.enum(REFERRAL_BOXES, "validation.referral.box").default("received"),
  /** One status or several (any of them); left out, the open ones (OPEN_REFERRAL_STATUSES). */
  // The size checks only on an array: zod would otherwise also measure a string's length.
  status: z
    .array(status, "validation.referral.status")
    .min(1, { message: "validation.referral.status", ...once })
    .max(REFERRAL_STATUSES.length, { message: "validation.referral.status", ...once })
    .optional(),
});
export type ListReferralsInput = z.input<typeof listReferralsInput>;
export type ListReferralsQuery = z.output<typeof listReferralsInput>;

/** Refer a person from the actor's agency to another, for a service, with consent recorded. */
export const createReferralInput = z
  .object({
    individualId: recordId,
    toAgencyId: z.uuid("validation.referral.toAgency"),
    service: z.enum(REFERRAL_SERVICES, "validation.referral.service"),
    /** Whether the person consented to the referral (and to sharing what it needs). */
    consent: z.boolean("validation.referral.consent"),
    /** The day of the person's answer: required when they consented; never in the future. */
    consentOn: optionalField(
      calendarDate("validation.referral.consentOn", (value) => value <= today()),
      "validation.referral.consentOn",
    ),
    note: optionalField(
      plainText(FIELD_LIMITS.referral.note, "validation.referral.note"),
      "validation.referral.note",
    ),
  })
  .refine((input) => !input.consent || input.consentOn !== null, {
    message: "validation.referral.consentOnRequired",
    path: ["consentOn"],
    ...once,
  });
export type CreateReferralInput = z.infer<typeof createReferralInput>;

/**
 * One step of a referral, from the version seen: the status it gives the referral, and the
 * reason (required to decline, optional otherwise).
 */
export const transitionReferralInput = z
  .object({
    id: recordId,
    version: recordVersion,
    status: z.enum(REFERRAL_STEPS, "validation.referral.step"),
    // Blank is none (trimmed first), so a decline with only spaces is asked for its reason.
    reason: z.preprocess(
      (value) => (typeof value === "string" ? value.trim() : value),
      optionalField(
        plainText(FIELD_LIMITS.referralEvent.reason, "validation.referral.reason"),
        "validation.referral.reason",
      ),
    ),
  })
  .refine((input) => input.status !== "declined" || input.reason !== null, {
    message: "validation.referral.declineReason",
    path: ["reason"],
    ...once,
  });
export type TransitionReferralInput = z.infer<typeof transitionReferralInput>;
