import {
  and,
  asc,
  builtOnce,
  eq,
  exists,
  sql,
  subquery,
  type DbOrTx,
  type Placeholder,
} from "@truce/db";
import { agency, membership, revokedSession, user } from "@truce/db/schema";

export type MembershipRole = (typeof membership.role.enumValues)[number];
export type PlatformRole = (typeof user.platformRoles.enumValues)[number];
export type AgencyKind = (typeof agency.kind.enumValues)[number];
export type TruceApp = "web" | "admin";

export interface ActorMembership {
  id: string;
  agencyId: string;
  agencyName: string;
  agencyKind: AgencyKind;
  role: MembershipRole;
}

/** Who is acting: the user, the membership they act as, and their platform roles. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  platformRoles: PlatformRole[];
  /** The active membership; null when the user acts without one (platform admin, auditor). */
  membership: ActorMembership | null;
  memberships: ActorMembership[];
}

/** What the signed session token carries; everything else is read from the database. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  membershipId: string | null;
  /**
   * Names one browser session, so signing out can end it alone (revoked_session). Every
   * session the apps issue has one; claims built on the server for tests have none and
   * are then ended only through the session version.
   */
  sessionId?: string;
}

const CASE_ROLES: readonly MembershipRole[] = ["staff", "manager"];

/** Whether a set of memberships and platform roles may use an app at all. */
export function mayUseApp(
  app: TruceApp,
  memberships: readonly Pick<ActorMembership, "role">[],
  platformRoles: readonly PlatformRole[],
): boolean {
  if (app === "web") return memberships.some((m) => CASE_ROLES.includes(m.role));
  return platformRoles.length > 0 || memberships.some((m) => m.role === "agency_admin");
}

/** The membership a fresh session acts as in an app: case roles in web, admin roles in admin. */
export function defaultMembership<M extends Pick<ActorMembership, "role">>(
  app: TruceApp,
  memberships: readonly M[],
): M | null {
  const wanted = app === "web" ? CASE_ROLES : ["agency_admin"];
  return memberships.find((m) => wanted.includes(m.role)) ?? null;
}

/**
 * A user's memberships that count: enabled, in active agencies, in a stable order (agency
 * name). A membership its agency's admin disabled is left out here, so signing in, the
 * apps' access, the default and the active membership and switching all ignore it.
 */
export async function listMemberships(db: DbOrTx, userId: string): Promise<ActorMembership[]> {
  return db
    .select(countedMembershipFields)
    .from(membership)
    .innerJoin(agency, eq(agency.id, membership.agencyId))
    .where(countedMembershipsOf(userId))
    .orderBy(asc(agency.name), asc(membership.id));
}

/**
 * A membership as an actor holds it (listMemberships, loadActor). Its agency's id is the
 * membership's column (the join's agency.id), so that loadActor's subquery has one `id`.
 */
const countedMembershipFields = {
  id: membership.id,
  agencyId: membership.agencyId,
  agencyName: agency.name,
  agencyKind: agency.kind,
  role: membership.role,
};

/** The user's memberships that count: enabled, in an active agency. */
function countedMembershipsOf(userId: string | Placeholder) {
  return and(
    eq(membership.userId, userId),
    eq(membership.disabled, false),
    eq(agency.active, true),
  );
}

/** loadActor's statement, built once (`builtOnce`): it runs before every procedure. */
const actorRows = builtOnce((db, _shape: "claims") => {
  const userId = sql.placeholder("userId");
  const revoked = exists(
    subquery
      .select({ one: sql`1` })
      .from(revokedSession)
      .where(eq(revokedSession.sessionId, sql.placeholder("sessionId"))),
  );
  const counted = subquery
    .select({ ...countedMembershipFields, userId: membership.userId })
    .from(membership)
    .innerJoin(agency, eq(agency.id, membership.agencyId))
    .where(countedMembershipsOf(userId))
    .as("counted_membership");
  return db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      disabled: user.disabled,
      platformRoles: user.platformRoles,
      sessionVersion: user.sessionVersion,
      revoked: sql<boolean>`${revoked}`,
      membership: {
        id: counted.id,
        agencyId: counted.agencyId,
        agencyName: counted.agencyName,
        agencyKind: counted.agencyKind,
        role: counted.role,
      },
    })
    .from(user)
    .leftJoin(counted, eq(counted.userId, user.id))
    .where(eq(user.id, userId))
    .orderBy(asc(counted.agencyName), asc(counted.id))
    .prepare("load_actor");
});

/**
 * Turns session claims into an actor, checked against the database on every request: a
 * disabled user, a token whose session version is stale (role changed, signed out
 * everywhere) or a session that was signed out gets no actor at all. One statement (it runs
 * before every procedure): the user row with the revoked check, joined to the memberships
 * that count (as `listMemberships` reads them), one row per membership and one with no
 * membership for a user without any.
 */
export async function loadActor(db: DbOrTx, claims: SessionClaims): Promise<Actor | null> {
  const rows = await actorRows(db, "claims").execute({
    userId: claims.userId,
    // No session id (claims of the server's own making) is no session that was signed out.
    sessionId: claims.sessionId ?? null,
  });
  const row = rows[0];
  if (!row || row.disabled || row.revoked || row.sessionVersion !== claims.sessionVersion) {
    return null;
  }
  const memberships = rows.flatMap((r) => (r.membership ? [r.membership] : []));
  const active = memberships.find((m) => m.id === claims.membershipId) ?? null;
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    platformRoles: row.platformRoles,
    membership: active,
    memberships,
  };
}
