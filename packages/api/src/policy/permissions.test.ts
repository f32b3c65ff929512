/**
 * The permission table and the check over it: `can` allows an action to exactly the roles
 * the table lists for it, a membership role only as the active membership, and a platform
 * role or a membership role either; no admin or auditor role ever reaches a person's case;
 * `assertCan` refuses what `can` does not allow with FORBIDDEN.
 */
import { describe, expect, it } from "vitest";
import type { Actor, ActorMembership, MembershipRole, PlatformRole } from "@truce/auth/actor";
import { MEMBERSHIP_ROLES, PLATFORM_ROLES } from "@truce/db/enum-values";
import { AppError } from "../errors";
import { assertCan, can, permissions, type Action } from "./index";

const ACTIONS = Object.keys(permissions) as Action[];

function policeMembership(role: MembershipRole): ActorMembership {
  return {
    id: `membership-${role}`,
    agencyId: "police-agency",
    agencyName: "Police",
    agencyKind: "police",
    role,
  };
}

/** An actor acting as `active` (or without a membership), with the other roles given. */
function actorWith(options: {
  active?: MembershipRole;
  others?: MembershipRole[];
  platform?: PlatformRole[];
}): Actor {
  const active = options.active ? policeMembership(options.active) : null;
  const others = (options.others ?? []).map((role) => ({
    ...policeMembership(role),
    id: `other-${role}`,
    agencyId: "probation-agency",
    agencyName: "Probation",
    agencyKind: "probation" as const,
  }));
  return {
    userId: "user",
    email: "someone@truce.example",
    name: "Someone",
    platformRoles: options.platform ?? [],
    membership: active,
    memberships: active ? [active, ...others] : others,
  };
}

/** Who holds one role and nothing else, named as the table names it. */
const SINGLE_ROLES = [
  ...MEMBERSHIP_ROLES.map((role) => ({ role, actor: actorWith({ active: role }) })),
  ...PLATFORM_ROLES.map((role) => ({ role, actor: actorWith({ platform: [role] }) })),
];

/** The actions on case work: the register, notes, interventions, conflicts and alliances. */
const CASE_ACTIONS = ACTIONS.filter((action) =>
  /^(individual|note|intervention|conflict|alliance|incident)\./.test(action),
);

describe("can", () => {
  it.each(ACTIONS)("allows %s to exactly the roles the table lists for it", (action) => {
    const allowed = SINGLE_ROLES.filter(({ actor }) => can(actor, action)).map((r) => r.role);
    const rule = permissions[action];
    expect(allowed.sort()).toEqual([...rule.membership, ...rule.platform].sort());
  });

  it("allows every action to someone, and nothing to a user with no role", () => {
    const nobody = actorWith({});
    for (const action of ACTIONS) {
      expect(
        SINGLE_ROLES.some(({ actor }) => can(actor, action)),
        action,
      ).toBe(true);
      expect(can(nobody, action), action).toBe(false);
    }
  });

  it("gives no admin or auditor role any action on a person's case", () => {
    expect(CASE_ACTIONS.length).toBeGreaterThan(3);
    const adminRoles = [
      actorWith({ active: "agency_admin" }),
      ...PLATFORM_ROLES.map((role) => actorWith({ platform: [role] })),
      actorWith({ active: "agency_admin", platform: [...PLATFORM_ROLES] }),
    ];
    for (const action of CASE_ACTIONS) {
      for (const actor of adminRoles) {
        expect(
          can(actor, action),
          `${action} as ${actor.platformRoles} ${actor.membership?.role}`,
        ).toBe(false);
      }
    }
  });

  it("counts a membership role only when it is the active membership", () => {
    const staffHere = actorWith({ active: "staff", others: ["agency_admin"] });
    expect(can(staffHere, "note.create")).toBe(true);
    expect(can(staffHere, "user.list")).toBe(false);
    const adminHere = actorWith({ active: "agency_admin", others: ["staff"] });
    expect(can(adminHere, "user.list")).toBe(true);
    expect(can(adminHere, "note.create")).toBe(false);
    // Without an active membership, only the platform roles count.
    expect(can(actorWith({ others: ["staff", "agency_admin"] }), "session.read")).toBe(false);
  });

  it("combines a platform role and a membership role: either allows", () => {
    const both = actorWith({ active: "staff", platform: ["platform_admin"] });
    expect(can(both, "agency.create")).toBe(true); // the platform role's
    expect(can(both, "note.create")).toBe(true); // the membership's
    expect(can(both, "accessLog.list")).toBe(false); // neither's
    const auditorAsManager = actorWith({ active: "manager", platform: ["auditor"] });
    expect(can(auditorAsManager, "accessLog.list")).toBe(true);
    expect(can(auditorAsManager, "individual.read")).toBe(true);
    expect(can(auditorAsManager, "agency.create")).toBe(false);
  });
});

describe("assertCan", () => {
  it("returns for an allowed action and refuses any other with FORBIDDEN", () => {
    const staff = actorWith({ active: "staff" });
    expect(() => assertCan(staff, "note.create")).not.toThrow();
    let refusal: unknown;
    try {
      assertCan(staff, "agency.create");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses exactly what can refuses, for every action and single role", () => {
    for (const { role, actor } of SINGLE_ROLES) {
      for (const action of ACTIONS) {
        const refused = (() => {
          try {
            assertCan(actor, action);
            return false;
          } catch {
            return true;
          }
        })();
        expect(refused, `${action} as ${role}`).toBe(!can(actor, action));
      }
    }
  });
});
