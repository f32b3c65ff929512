import { and, asc, eq, exists, ilike, inArray, or, sql } from "@truce/db";
import { agency, membership, user } from "@truce/db/schema";
import { managedMembershipScope, membershipAdminScope } from "../../policy";
import type { ServiceContext } from "../context";
import { cappedCount } from "../count";
import { likePattern, offsetOf } from "../pagination";
import type { ListUsersInput } from "./schemas";

/**
 * The users an admin sees, with the memberships they may see: all for a platform admin,
 * those with a membership in their own agency for an agency admin. Each membership says
 * whether it is disabled and whether this admin may change it.
 */
export async function listUsers({ db, actor }: ServiceContext, input: ListUsersInput) {
  const scope = membershipAdminScope(actor);
  const where = and(
    scope
      ? exists(
          db
            .select({ one: sql`1` })
            .from(membership)
            .where(and(eq(membership.userId, user.id), scope)),
        )
      : undefined,
    input.search
      ? or(
          ilike(user.name, likePattern(input.search)),
          ilike(user.email, likePattern(input.search)),
        )
      : undefined,
  );
  const [users, count] = await Promise.all([
    db
      .select({
        id: user.id,
        name: user.name,
        email: user.email,
        disabled: user.disabled,
        version: user.version,
        platformRoles: user.platformRoles,
        lastSignInAt: user.lastSignInAt,
      })
      .from(user)
      .where(where)
      .orderBy(asc(user.name), asc(user.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    cappedCount(db, user, where),
  ]);
  const ids = users.map((u) => u.id);
  const memberships = ids.length
    ? await db
        .select({
          id: membership.id,
          userId: membership.userId,
          role: membership.role,
          disabled: membership.disabled,
          version: membership.version,
          /** Whether this admin may change it (role, disabled): what the admin app offers. */
          managed: sql<boolean>`${managedMembershipScope(actor)}`,
          agencyName: agency.name,
        })
        .from(membership)
        .innerJoin(agency, eq(agency.id, membership.agencyId))
        .where(and(inArray(membership.userId, ids), scope))
        .orderBy(asc(agency.name))
    : [];
  return {
    items: users.map((u) => ({ ...u, memberships: memberships.filter((m) => m.userId === u.id) })),
    ...count,
    page: input.page,
    pageSize: input.pageSize,
  };
}
