import type { MembershipRole, PlatformRole } from "@truce/auth/actor";

/**
 * Who may do what, as data: each action lists the membership roles (acting in the active
 * agency) and the platform roles that allow it. Admin and auditor roles never appear on
 * case-content actions.
 */
export const permissions = {
  "session.read": {
    membership: ["staff", "manager", "agency_admin"],
    platform: ["platform_admin", "auditor"],
  },
  "individual.list": { membership: ["staff", "manager"], platform: [] },
  "agency.list": { membership: ["agency_admin"], platform: ["platform_admin", "auditor"] },
} as const satisfies Record<
  string,
  { membership: readonly MembershipRole[]; platform: readonly PlatformRole[] }
>;

export type Action = keyof typeof permissions;
