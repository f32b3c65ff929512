/**
 * The values of every enum, as plain constants: the schema builds each pgEnum from its
 * constant, and client code (forms, filters, the input schemas) imports them from here
 * without pulling in Drizzle. This module imports nothing, so anything may import it.
 * The order of the values is the order of the enum in the database (the migrations): keep
 * it, and add a value at the end.
 */

// Shared by several tables (schema/enums.ts).

export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;

/** `agency`: only the members of the writing agency; `programme`: every agency. */
export const VISIBILITIES = ["agency", "programme"] as const;

// Agencies, users, memberships.

export const AGENCY_KINDS = [
  "police",
  "social_services",
  "exit_programme",
  "probation",
  "prosecution",
  "school",
  "housing",
  "employment",
  "other",
] as const;

export const PLATFORM_ROLES = ["platform_admin", "auditor"] as const;

export const MEMBERSHIP_ROLES = ["staff", "manager", "agency_admin"] as const;

// The access log.

export const ACCESS_ACTIONS = [
  "read",
  "create",
  "update",
  "delete",
  "export",
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "role_change",
  "review",
  "approve",
  /** An account or a client address locked after repeated failed sign-ins. */
  "lockout",
  /** Two-factor sign-in set up or replaced (authenticator app, recovery codes). */
  "mfa_enrolment",
] as const;

export const ACCESS_PURPOSES = [
  "case_work",
  "coordination_meeting",
  "review",
  "data_subject_request",
  "audit",
] as const;

// Individuals and their consent, assignments, outcomes, flags.

export const INDIVIDUAL_STATUSES = [
  "active",
  "in_exit_process",
  "exited",
  "relocated",
  "incarcerated",
  "deceased",
] as const;

export const SUPERVISIONS = [
  "none",
  "probation",
  "conditional_release",
  "in_custody",
  "in_prison",
] as const;

export const INDIVIDUAL_CATEGORIES = ["group_member", "associate", "victim", "witness"] as const;

export const REGISTRATION_STATUSES = ["pending", "approved"] as const;

/** A person's answer when asked to let social services share their details. */
export const CONSENT_DECISIONS = ["given", "refused"] as const;

export const ASSIGNMENT_ROLES = ["owner", "other"] as const;

export const OUTCOME_KINDS = [
  "took_steps_to_leave",
  "relocated",
  "changed_situation_at_home",
  "left_criminal_context",
  "employed",
  "in_education",
  "reoffended",
  "arrested",
  "prosecuted",
  "convicted",
  "imprisoned",
  "victim_of_violence",
  "deceased",
] as const;

/**
 * The steps of the way out that the exit funnel counts (docs/reports.md), in order: reached by
 * a conversation or a call-in, accepted support, took steps to leave, relocated or changed
 * their situation at home (either, and each), left the criminal context.
 */
export const FUNNEL_STEPS = [
  "reached",
  "accepted_support",
  "took_steps",
  "relocated_or_changed",
  "relocated",
  "changed_situation",
  "left_criminal_context",
] as const;

export const FLAG_KINDS = ["retaliation_risk", "threat_to_staff", "other"] as const;

// Groups, conflicts, incidents.

export const GROUP_STATUSES = ["active", "dormant", "dissolved"] as const;

export const AFFILIATIONS = ["core", "member", "associate"] as const;

export const CONFLICT_STATUSES = [
  "latent",
  "active",
  "escalating",
  "mediated",
  "resolved",
] as const;

export const INCIDENT_KINDS = [
  "shooting",
  "attempted_shooting",
  "explosion",
  "stabbing",
  "assault",
  "threat",
] as const;

export const GROUP_INVOLVEMENTS = ["confirmed", "likely", "none", "unknown"] as const;

export const INCIDENT_PARTY_ROLES = ["victim", "suspect", "linked"] as const;

// Interventions, referrals, notes, tasks.

export const INTERVENTION_KINDS = [
  "call_in",
  "custom_notification",
  "home_visit",
  "support_offer",
  "mediation",
  "enforcement",
] as const;

export const ENFORCEMENT_KINDS = ["arrest", "search", "prosecution", "trial", "sentence"] as const;

export const INTERVENTION_STATUSES = ["planned", "done", "cancelled"] as const;

export const CONVERSATION_CHANNELS = ["home", "street", "custody", "phone"] as const;

export const DELIVERY_RESULTS = ["delivered", "refused", "not_found"] as const;

export const PARTICIPANT_RESPONSES = [
  "attended",
  "declined",
  "no_show",
  "accepted_support",
  "refused_support",
] as const;

export const REFERRAL_SERVICES = [
  "exit_programme",
  "relocation",
  "housing",
  "employment",
  "education",
  "treatment",
  "family_support",
  "protection",
] as const;

export const REFERRAL_STATUSES = [
  "sent",
  "accepted",
  "declined",
  "in_progress",
  "completed",
  "withdrawn",
] as const;

export const NOTE_KINDS = ["fact", "assessment"] as const;

export const TASK_STATUSES = ["open", "done"] as const;
