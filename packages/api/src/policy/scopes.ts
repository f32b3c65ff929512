import type { Actor } from "@truce/auth/actor";
import {
  alias,
  and,
  equalsConstant,
  eq,
  exists,
  gte,
  isNull,
  lte,
  ne,
  not,
  notExists,
  or,
  sql,
  subquery,
  type PgColumn,
  type PgTable,
  type Placeholder,
  type SQL,
} from "@truce/db";
import type { VISIBILITIES } from "@truce/db/enum-values";
import {
  agency,
  assignment,
  consent,
  individual,
  intervention,
  interventionParticipant,
  membership,
  note,
  referral,
  user,
} from "@truce/db/schema";
import { AppError } from "../errors";

/**
 * Filters for the queries themselves, built from the actor: what is not in scope is never
 * fetched. Each returns a condition to put in a `where`. Columns and enum values are named
 * through Drizzle (`eq(note.visibility, "programme")`), never as text in `sql`, so renaming
 * either fails the typecheck here instead of silently widening a scope; subqueries are
 * `exists(subquery.select()...)`, and a table that appears twice gets an `alias()`.
 */

/** A column of any table, of the given data type: what a scope builder takes. */
type ColumnOf<TData> = PgColumn & { _: { data: TData } };
/** A uuid column of any table: an id, or a reference to one. */
type IdColumn = PgColumn & { _: { columnType: "PgUUID"; data: string } };
type Visibility = (typeof VISIBILITIES)[number];

function activeAgencyId(actor: Actor): string {
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "apiErrors.agencyRequired");
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
 * The people `individualScope` keeps out, as a subquery of their ids: another agency's
 * pending registrations (the statuses are two, so "not approved" is "pending"). For a count
 * over a table that links people (a group's members), `notInArray(link.individualId,
 * individualsOutOfScope(scopeAgencyId(actor)))` says the same as joining the register and
 * applying `individualScope`, but PostgreSQL reads these few ids once
 * (individual_pending_agency_idx, the index alone) and hashes them, where the join probes the
 * register once per linked row. In a statement built once (`builtOnce`) the agency is a
 * placeholder, given `scopeAgencyId(actor)` at each run.
 */
export function individualsOutOfScope(agencyId: string | Placeholder) {
  return subquery
    .select({ id: individual.id })
    .from(individual)
    .where(
      and(
        // In the text, so a generic plan reads individual_pending_agency_idx for them.
        equalsConstant(individual.registrationStatus, "pending"),
        ne(individual.registeringAgencyId, agencyId),
      ),
    );
}

/** The agency a scope is of: the actor's active membership's (refused without one). */
export function scopeAgencyId(actor: Actor): string {
  return activeAgencyId(actor);
}

/**
 * The person has consent in force to share social services' details: their record that is
 * not withdrawn says 'given'. Nothing else counts (a referral's own consent flag is history,
 * migrated into these records), so a withdrawal or a refusal hides the details at once. The
 * one statement of the consent rule: every content scope asks it through this.
 */
export function consentGiven(individualId: IdColumn): SQL {
  return exists(
    subquery
      .select({ id: consent.id })
      .from(consent)
      .where(
        and(
          eq(consent.individualId, individualId),
          eq(consent.decision, "given"),
          isNull(consent.withdrawnAt),
        ),
      ),
  );
}

/**
 * Consent of every person a row is about, through its table of people (an intervention's
 * participants, an incident's parties): there is at least one, and none without consent in
 * force. One person's consent never opens another's details, and a row about no one has no
 * one's consent.
 */
export function everyoneConsented(
  people: PgTable & { id: IdColumn; individualId: IdColumn },
  /** Which rows of `people` belong to the content row: a condition on both tables. */
  ofRow: SQL,
): SQL {
  const person = () => subquery.select({ id: people.id }).from(people);
  return and(
    exists(person().where(ofRow)),
    notExists(person().where(and(ofRow, not(consentGiven(people.individualId))))),
  ) as SQL;
}

/**
 * How a table of content written by an agency says who may read a row. A later content type
 * (an incident's account, a referral, an outcome) passes its own columns and consent rule.
 */
export interface ContentColumns {
  /** The agency that wrote it: a note's author, an intervention's lead agency. */
  authorAgencyId: IdColumn;
  /** `agency`: only the writing agency reads it; `programme`: every agency. */
  visibility: ColumnOf<Visibility>;
  /**
   * Whether the people it is about consented to share social services' details, decided in
   * the query: `consentGiven` of its one subject, or `everyoneConsented` of its people.
   */
  consented: SQL;
}

/**
 * Content as the actor may read it, the one rule for every content type: their own agency's,
 * and other agencies' programme-visible content; social services' only where the people it
 * is about consented.
 */
export function contentReadableScope(actor: Actor, content: ContentColumns): SQL {
  const bySocialServices = exists(
    subquery
      .select({ id: agency.id })
      .from(agency)
      .where(and(eq(agency.id, content.authorAgencyId), eq(agency.kind, "social_services"))),
  );
  return or(
    eq(content.authorAgencyId, activeAgencyId(actor)),
    and(eq(content.visibility, "programme"), or(not(bySocialServices), content.consented)),
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
      subquery
        .select({ id: individual.id })
        .from(individual)
        .where(and(eq(individual.id, note.individualId), individualScope(actor))),
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
    contentReadableScope(actor, {
      authorAgencyId: note.authorAgencyId,
      visibility: note.visibility,
      consented: consentGiven(note.individualId),
    }),
  ) as SQL;
}

/**
 * Interventions whose details (summary, result, message) the actor may read; everyone in
 * the programme sees that one took place (kind, date, agency). Social services' details are
 * shared only when every person the intervention is about has consent in force.
 */
export function interventionContentScope(actor: Actor): SQL {
  return contentReadableScope(actor, {
    authorAgencyId: intervention.leadAgencyId,
    visibility: intervention.visibility,
    consented: everyoneConsented(
      interventionParticipant,
      eq(interventionParticipant.interventionId, intervention.id),
    ),
  });
}

/**
 * A referral's note, which the agency that sent it and the agency asked to take the person on
 * read; the rest of the programme sees that the referral was made (service, agencies,
 * status, consent), enough to coordinate, not what one told the other.
 */
export function referralNoteVisible(actor: Actor): SQL {
  const agencyId = activeAgencyId(actor);
  return or(eq(referral.fromAgencyId, agencyId), eq(referral.toAgencyId, agencyId)) as SQL;
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
          subquery
            .select({ id: assignment.id })
            .from(assignment)
            .where(
              and(
                eq(assignment.individualId, individual.id),
                eq(assignment.userId, actor.userId),
                eq(assignment.agencyId, actor.membership.agencyId),
                lte(assignment.startedOn, sql`current_date`),
                or(isNull(assignment.endedOn), gte(assignment.endedOn, sql`current_date`)),
              ),
            ),
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
function holdsAdminRole(userId: IdColumn): SQL {
  // The membership and user tables are the outer query's too, so these are aliases.
  const adminMembership = alias(membership, "admin_membership");
  const adminUser = alias(user, "admin_user");
  return or(
    exists(
      subquery
        .select({ id: adminMembership.id })
        .from(adminMembership)
        .where(and(eq(adminMembership.userId, userId), eq(adminMembership.role, "agency_admin"))),
    ),
    exists(
      subquery
        .select({ id: adminUser.id })
        .from(adminUser)
        .where(and(eq(adminUser.id, userId), ne(adminUser.platformRoles, []))),
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
