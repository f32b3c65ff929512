import type { Actor } from "@truce/auth/actor";
import { AppError } from "../errors";
import { permissions, type Action } from "./permissions";

export { permissions, type Action } from "./permissions";
export * from "./scopes";

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
    throw new AppError("FORBIDDEN", "apiErrors.roleNotAllowed");
  }
}
