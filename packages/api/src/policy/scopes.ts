import type { Actor } from "@truce/auth/actor";
import { and, eq, exists, ne, or, sql, type SQL, type SQLWrapper } from "@truce/db";
import {
  agency,
  assignment,
  individual,
  intervention,
  interventionParticipant,
  membership,
  note,
  referral,
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

/** The person has consented to sharing (recorded on a referral). */
function consentRecorded(individualId: SQLWrapper): SQL {
  return exists(
    sql`(select 1 from ${referral} where ${referral.individualId} = ${individualId} and ${referral.consent})`,
  );
}

/** The kind of the agency with this id, as a subquery. */
function agencyKindOf(agencyId: SQLWrapper): SQL {
  return sql`(select ${agency.kind} from ${agency} where ${agency.id} = ${agencyId})`;
}

/**
 * Notes whose text the actor may read: their own agency's, and programme-visible ones —
 * social services' only where the person consented to sharing.
 */
export function noteContentScope(actor: Actor): SQL {
  return or(
    eq(note.authorAgencyId, activeAgencyId(actor)),
    and(
      eq(note.visibility, "programme"),
      or(
        sql`${agencyKindOf(note.authorAgencyId)} <> 'social_services'`,
        consentRecorded(note.individualId),
      ),
    ),
  ) as SQL;
}

/**
 * Interventions whose details (summary, result, message) the actor may read; everyone in
 * the programme sees that one took place (kind, date, agency).
 */
export function interventionContentScope(actor: Actor): SQL {
  const anyParticipantConsented = exists(
    sql`(select 1 from ${interventionParticipant} p join ${referral} r on r.individual_id = p.individual_id
         where p.intervention_id = ${intervention.id} and r.consent)`,
  );
  return or(
    eq(intervention.leadAgencyId, activeAgencyId(actor)),
    and(
      eq(intervention.visibility, "programme"),
      or(
        sql`${agencyKindOf(intervention.leadAgencyId)} <> 'social_services'`,
        anyParticipantConsented,
      ),
    ),
  ) as SQL;
}

/**
 * Where a person with a protected location lives is shown only to the exit programme's
 * staff assigned to them.
 */
export function locationVisible(actor: Actor): SQL {
  const assignedExitStaff =
    actor.membership?.agencyKind === "exit_programme"
      ? exists(
          sql`(select 1 from ${assignment} where ${assignment.individualId} = ${individual.id}
               and ${assignment.userId} = ${actor.userId} and ${assignment.agencyId} = ${actor.membership.agencyId})`,
        )
      : sql`false`;
  return or(eq(individual.protectedLocation, false), assignedExitStaff) as SQL;
}

/** Memberships an admin manages: all for a platform admin, their own agency's for an agency admin. */
export function membershipAdminScope(actor: Actor): SQL | undefined {
  if (actor.platformRoles.includes("platform_admin")) return undefined;
  return eq(membership.agencyId, activeAgencyId(actor));
}

/** The agencies an actor may list: platform roles see all, an agency admin their own. */
export function agencyScope(actor: Actor): SQL | undefined {
  if (actor.platformRoles.length > 0) return undefined;
  return eq(agency.id, activeAgencyId(actor));
}

/** Not the actor's own membership: nobody changes their own role. */
export function notOwnMembership(actor: Actor): SQL {
  return ne(membership.userId, actor.userId);
}
