import type { Actor } from "@truce/auth/actor";
import {
  and,
  eq,
  exists,
  isNull,
  ne,
  not,
  notExists,
  or,
  sql,
  type SQL,
  type SQLWrapper,
} from "@truce/db";
import {
  agency,
  assignment,
  consent,
  individual,
  intervention,
  interventionParticipant,
  membership,
  note,
  user,
} from "@truce/db/schema";
import { AppError } from "../errors";

/**
 * Filters for the queries themselves, built from the actor: what is not in scope is never
 * fetched. Each returns a condition to put in a `where`.
 */

function activeAgencyId(actor: Actor): string {
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "Choose an agency to act as first.");
  return agencyId;
}

/** The approved register is shared across the programme; a pending one only within its agency. */
export function individualScope(actor: Actor): SQL {
  return or(
    eq(individual.registrationStatus, "approved"),
    eq(individual.registeringAgencyId, activeAgencyId(actor)),
  ) as SQL;
}

/**
 * The person has consent in force to share social services' details: their record that is
 * not withdrawn says 'given'. Nothing else counts (a referral's own consent flag is history,
 * migrated into these records), so a withdrawal or a refusal hides the details at once.
 */
function consentGiven(individualId: SQLWrapper): SQL {
  return exists(
    sql`(select 1 from ${consent} where ${consent.individualId} = ${individualId}
         and ${consent.decision} = 'given' and ${consent.withdrawnAt} is null)`,
  );
}

/** The kind of the agency with this id, as a subquery. */
function agencyKindOf(agencyId: SQLWrapper): SQL {
  return sql`(select ${agency.kind} from ${agency} where ${agency.id} = ${agencyId})`;
}

/**
 * Content that an agency wrote with a visibility, as the actor may read it: their own
 * agency's, and other agencies' programme-visible content, social services' only where
 * `shared` holds (the consent of the people it is about).
 */
function contentScope(
  actor: Actor,
  authorAgencyId: SQLWrapper,
  visibility: SQLWrapper,
  shared: SQL,
): SQL {
  return or(
    sql`${authorAgencyId} = ${activeAgencyId(actor)}`,
    and(
      sql`${visibility} = 'programme'`,
      or(sql`${agencyKindOf(authorAgencyId)} <> 'social_services'`, shared),
    ),
  ) as SQL;
}

/**
 * The subject of a note is in the actor's view of the register. A note on a person follows
 * `individualScope`, so a pending registration's notes (and with them the person's id) stay
 * within the registering agency. Groups and conflicts are the register's core, shared across
 * the programme with no pending state, so a note on one has only its content rule.
 */
export function noteSubjectScope(actor: Actor): SQL {
  return or(
    isNull(note.individualId),
    exists(
      sql`(select 1 from ${individual} where ${individual.id} = ${note.individualId}
           and ${individualScope(actor)})`,
    ),
  ) as SQL;
}

/**
 * The notes the actor may read, listed or asked for by id: both go through this one
 * condition, so a read by id never applies less than the list. A subject the actor can see,
 * and text of their own agency or shared with the programme; social services' only where
 * the person consented (a note on a group or conflict is about no one who could consent, so
 * social services' stay within the agency).
 */
export function noteReadableScope(actor: Actor): SQL {
  return and(
    noteSubjectScope(actor),
    contentScope(actor, note.authorAgencyId, note.visibility, consentGiven(note.individualId)),
  ) as SQL;
}

/**
 * Interventions whose details (summary, result, message) the actor may read; everyone in
 * the programme sees that one took place (kind, date, agency). Social services' details are
 * shared only when every person the intervention is about has consent in force: one
 * person's consent never opens another's details, and an intervention about no one has no
 * one's consent.
 */
export function interventionContentScope(actor: Actor): SQL {
  const participants = sql`select 1 from ${interventionParticipant}
    where ${interventionParticipant.interventionId} = ${intervention.id}`;
  const everyParticipantConsented = and(
    exists(sql`(${participants})`),
    notExists(sql`(${participants} and not ${consentGiven(interventionParticipant.individualId)})`),
  ) as SQL;
  return contentScope(
    actor,
    intervention.leadAgencyId,
    intervention.visibility,
    everyParticipantConsented,
  );
}

/**
 * Where a person with a protected location lives is shown only to the exit programme's
 * staff assigned to them now: an assignment that has ended, or not yet begun, gives no
 * access, so staff who stop working with the person lose the address after its last day.
 */
export function locationVisible(actor: Actor): SQL {
  const assignedExitStaff =
    actor.membership?.agencyKind === "exit_programme"
      ? exists(
          sql`(select 1 from ${assignment} where ${assignment.individualId} = ${individual.id}
               and ${assignment.userId} = ${actor.userId} and ${assignment.agencyId} = ${actor.membership.agencyId}
               and ${assignment.startedOn} <= current_date
               and (${assignment.endedOn} is null or ${assignment.endedOn} >= current_date))`,
        )
      : sql`false`;
  return or(eq(individual.protectedLocation, false), assignedExitStaff) as SQL;
}

/**
 * Memberships an admin sees (and the users who hold them): all for a platform admin, their
 * own agency's for an agency admin. What they may change is narrower: managedMembershipScope.
 */
export function membershipAdminScope(actor: Actor): SQL | undefined {
  if (actor.platformRoles.includes("platform_admin")) return undefined;
  return eq(membership.agencyId, activeAgencyId(actor));
}

/** The agencies an actor may list: platform roles see all, an agency admin their own. */
export function agencyScope(actor: Actor): SQL | undefined {
  if (actor.platformRoles.length > 0) return undefined;
  return eq(agency.id, activeAgencyId(actor));
}

/**
 * The user holds an admin role: an agency admin membership in any agency (a disabled one too,
 * since only a platform admin decides about admins) or any platform role.
 */
function holdsAdminRole(userId: SQLWrapper): SQL {
  return or(
    exists(
      sql`(select 1 from ${membership} as admin_membership
           where admin_membership.user_id = ${userId} and admin_membership.role = 'agency_admin')`,
    ),
    exists(
      sql`(select 1 from ${user} as admin_user
           where admin_user.id = ${userId} and cardinality(admin_user.platform_roles) > 0)`,
    ),
  ) as SQL;
}

/**
 * The memberships an admin may change (role, disabled): never their own. An agency admin only
 * their own agency's, and only of users who hold no admin role anywhere: admins are the
 * platform admin's to manage, so no agency admin removes a peer, or acts on someone who
 * administers another agency or holds a platform role. The one rule for every procedure that
 * changes a membership, and for what the admin app offers (user.list's `managed`).
 */
export function managedMembershipScope(actor: Actor): SQL {
  const notOwn = ne(membership.userId, actor.userId);
  if (actor.platformRoles.includes("platform_admin")) return notOwn;
  return and(
    notOwn,
    eq(membership.agencyId, activeAgencyId(actor)),
    not(holdsAdminRole(membership.userId)),
  ) as SQL;
}
