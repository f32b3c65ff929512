import { alias, and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "@truce/db";
import {
  agency,
  conflict,
  conflictParty,
  group,
  groupMembership,
  referral,
} from "@truce/db/schema";
import { recordRead, type CaseContentContext } from "../../case-read";
import { referralNoteVisible } from "../../policy";
import { inTransaction } from "../context";
import { findVisibleIndividual } from "./find-visible-individual";
import type { IndividualConnectionsInput } from "./schemas";

/** The statuses of a referral still under way: sent and not yet answered, or taken on. */
const OPEN_REFERRAL_STATUSES = ["sent", "accepted", "in_progress"] as const;

/** A membership in force today: begun (or of no known start) and not yet ended. */
export function currentMembership(): SQL {
  return and(
    or(isNull(groupMembership.fromOn), lte(groupMembership.fromOn, sql`current_date`)),
    or(isNull(groupMembership.toOn), gte(groupMembership.toOn, sql`current_date`)),
  ) as SQL;
}

/**
 * Whom a person is tied to: their groups (current first, then past), the conflicts they are
 * a party to themselves or through a group they are a member of now, and their referrals
 * still under way; and the read in the access log, in one transaction. Four statements
 * after the person's own, whatever the counts. A person the actor cannot see is refused as
 * not found, as their profile is.
 */
export async function getIndividualConnections(
  ctx: CaseContentContext,
  input: IndividualConnectionsInput,
) {
  return inTransaction(ctx, async (tx) => {
    const subject = await findVisibleIndividual(tx, input.individualId);
    const current = currentMembership();
    const conflictColumns = {
      conflictId: conflict.id,
      title: conflict.title,
      status: conflict.status,
      riskLevel: conflict.riskLevel,
      side: conflictParty.side,
    };
    // Open conflicts first, the most dangerous first.
    const conflictOrder = [
      asc(eq(conflict.status, "resolved")),
      desc(conflict.riskLevel),
      asc(conflict.title),
      asc(conflict.id),
    ];
    const fromAgency = alias(agency, "from_agency");
    const toAgency = alias(agency, "to_agency");
    const noteVisible = referralNoteVisible(tx.actor);

    const [groups, direct, throughGroups, openReferrals] = await Promise.all([
      tx.db
        .select({
          groupId: group.id,
          name: group.name,
          status: group.status,
          affiliation: groupMembership.affiliation,
          fromOn: groupMembership.fromOn,
          toOn: groupMembership.toOn,
          current: sql<boolean>`${current}`,
        })
        .from(groupMembership)
        .innerJoin(group, eq(group.id, groupMembership.groupId))
        .where(eq(groupMembership.individualId, subject.id))
        .orderBy(
          desc(current),
          sql`${groupMembership.fromOn} desc nulls last`,
          asc(group.name),
          asc(groupMembership.id),
        ),
      tx.db
        .select(conflictColumns)
        .from(conflictParty)
        .innerJoin(conflict, eq(conflict.id, conflictParty.conflictId))
        .where(eq(conflictParty.individualId, subject.id))
        .orderBy(...conflictOrder),
      // Through a group: by the person's current memberships, then the groups' parties.
      tx.db
        .select({ ...conflictColumns, groupId: group.id, groupName: group.name })
        .from(groupMembership)
        .innerJoin(group, eq(group.id, groupMembership.groupId))
        .innerJoin(conflictParty, eq(conflictParty.groupId, groupMembership.groupId))
        .innerJoin(conflict, eq(conflict.id, conflictParty.conflictId))
        .where(and(eq(groupMembership.individualId, subject.id), current))
        .orderBy(...conflictOrder, asc(group.name), asc(group.id)),
      tx.db
        .select({
          id: referral.id,
          service: referral.service,
          fromAgencyName: fromAgency.name,
          toAgencyName: toAgency.name,
          status: referral.status,
          createdAt: referral.createdAt,
          noteVisible: sql<boolean>`${noteVisible}`,
          note: sql<string | null>`case when ${noteVisible} then ${referral.note} end`,
        })
        .from(referral)
        .innerJoin(fromAgency, eq(fromAgency.id, referral.fromAgencyId))
        .innerJoin(toAgency, eq(toAgency.id, referral.toAgencyId))
        .where(
          and(
            eq(referral.individualId, subject.id),
            inArray(referral.status, [...OPEN_REFERRAL_STATUSES]),
          ),
        )
        .orderBy(desc(referral.createdAt), desc(referral.id)),
    ]);

    const conflicts = [
      ...direct.map((c) => ({ ...c, throughGroup: null })),
      ...throughGroups.map(({ groupId, groupName, ...c }) => ({
        ...c,
        throughGroup: { id: groupId, name: groupName },
      })),
    ];
    await recordRead(tx, {
      entityType: "individual",
      entityId: subject.id,
      detail: {
        view: "connections",
        groupIds: [...new Set(groups.map((g) => g.groupId))],
        conflictIds: [...new Set(conflicts.map((c) => c.conflictId))],
        referralIds: openReferrals.map((r) => r.id),
      },
    });
    return { groups, conflicts, openReferrals };
  });
}
