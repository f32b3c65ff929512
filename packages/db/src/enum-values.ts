/**
 * The values of the enums that the apps' forms and filters offer, as plain constants: the
 * schema builds its pgEnums from them, and client code imports them from here without
 * pulling in Drizzle.
 */

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

/** A person's answer when asked to let social services share their details. */
export const CONSENT_DECISIONS = ["given", "refused"] as const;
