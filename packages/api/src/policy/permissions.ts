import type { MembershipRole, PlatformRole } from "@truce/auth/actor";

/**
 * Who may do what, as data: each action lists the membership roles (acting in the active
 * agency) and the platform roles that allow it. Admin and auditor roles never appear on
 * case-content actions; what an allowed actor then sees is narrowed by the scopes in
 * ./scopes.ts, inside the query.
 */
export const permissions = {
  "session.read": {
    membership: ["staff", "manager", "agency_admin"],
    platform: ["platform_admin", "auditor"],
  },
  "individual.list": { membership: ["staff", "manager"], platform: [] },
  "individual.read": { membership: ["staff", "manager"], platform: [] },
  "individual.create": { membership: ["staff", "manager"], platform: [] },
  "individual.update": { membership: ["staff", "manager"], platform: [] },
  "incident.list": { membership: ["staff", "manager"], platform: [] },
  "incident.read": { membership: ["staff", "manager"], platform: [] },
  "incident.create": { membership: ["staff", "manager"], platform: [] },
  "incident.review": { membership: ["staff", "manager"], platform: [] },
  "group.list": { membership: ["staff", "manager"], platform: [] },
  "group.read": { membership: ["staff", "manager"], platform: [] },
  "group.create": { membership: ["staff", "manager"], platform: [] },
  "group.update": { membership: ["staff", "manager"], platform: [] },
  "note.read": { membership: ["staff", "manager"], platform: [] },
  "note.create": { membership: ["staff", "manager"], platform: [] },
  "intervention.read": { membership: ["staff", "manager"], platform: [] },
  "intervention.create": { membership: ["staff", "manager"], platform: [] },
  "intervention.update": { membership: ["staff", "manager"], platform: [] },
  "conflict.list": { membership: ["staff", "manager"], platform: [] },
  "conflict.read": { membership: ["staff", "manager"], platform: [] },
  "conflict.create": { membership: ["staff", "manager"], platform: [] },
  "conflict.update": { membership: ["staff", "manager"], platform: [] },
  "alliance.list": { membership: ["staff", "manager"], platform: [] },
  "alliance.create": { membership: ["staff", "manager"], platform: [] },
  "alliance.update": { membership: ["staff", "manager"], platform: [] },
  "network.read": { membership: ["staff", "manager"], platform: [] },
  "outcome.create": { membership: ["staff", "manager"], platform: [] },
  // A referral's steps: which of the two agencies takes which is the service's rule.
  "referral.list": { membership: ["staff", "manager"], platform: [] },
  "referral.create": { membership: ["staff", "manager"], platform: [] },
  "referral.update": { membership: ["staff", "manager"], platform: [] },
  // The start page: the latest incidents and conflicts, the people the user touched.
  "start.read": { membership: ["staff", "manager"], platform: [] },
  // The outcome reports and their exports: aggregates for the programme's managers.
  "report.read": { membership: ["manager"], platform: [] },
  "report.export": { membership: ["manager"], platform: [] },
  // The evaluators' extract: pseudonymised rows, not aggregates, so an action of its own.
  "report.extract": { membership: ["manager"], platform: [] },
  "agency.list": { membership: ["agency_admin"], platform: ["platform_admin", "auditor"] },
  "agency.create": { membership: [], platform: ["platform_admin"] },
  "user.list": { membership: ["agency_admin"], platform: ["platform_admin"] },
  // A whole account spans every agency the user belongs to, so no one agency's admin may
  // disable it; an agency admin disables the user's membership in their agency instead.
  "user.setDisabled": { membership: [], platform: ["platform_admin"] },
  "membership.setRole": { membership: ["agency_admin"], platform: ["platform_admin"] },
  "membership.setDisabled": { membership: ["agency_admin"], platform: ["platform_admin"] },
  "accessLog.list": { membership: [], platform: ["auditor"] },
  // The programme-wide settings (two-factor sign-in, the review period, the programme's
  // start) apply to every agency, so no one agency's admin may read or change them.
  "platformSetting.read": { membership: [], platform: ["platform_admin"] },
  "platformSetting.update": { membership: [], platform: ["platform_admin"] },
} as const satisfies Record<
  string,
  { membership: readonly MembershipRole[]; platform: readonly PlatformRole[] }
>;

export type Action = keyof typeof permissions;
