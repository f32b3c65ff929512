import type { Actor } from "@truce/auth/actor";
import { and, eq, or, type SQL } from "@truce/db";
import { agency, individual } from "@truce/db/schema";
import { AppError } from "../errors";
import { permissions, type Action } from "./permissions";

export { permissions, type Action } from "./permissions";

/** Whether the actor, acting as their active membership, may perform an action at all. */
export function can(actor: Actor, action: Action): boolean {
  const rule = permissions[action];
  const byPlatform = actor.platformRoles.some((r) =>
    (rule.platform as readonly string[]).includes(r),
  );
  const byMembership =
    actor.membership !== null &&
    (rule.membership as readonly string[]).includes(actor.membership.role);
  return byPlatform || byMembership;
}

export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor, action)) {
    throw new AppError("FORBIDDEN", "Your role in the active agency does not allow this.");
  }
}

/**
 * The individuals an actor may see, as a filter for the query itself: the approved register
 * is shared across the programme, a pending registration only within the registering agency.
 */
export function individualScope(actor: Actor): SQL {
  const agencyId = actor.membership?.agencyId;
  const approved = eq(individual.registrationStatus, "approved");
  if (!agencyId) return approved;
  return or(approved, eq(individual.registeringAgencyId, agencyId)) as SQL;
}

/** The agencies an actor may list: platform roles see all, an agency admin their own. */
export function agencyScope(actor: Actor): SQL | undefined {
  if (actor.platformRoles.length > 0) return undefined;
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "Choose an agency to act as first.");
  return and(eq(agency.id, agencyId));
}
