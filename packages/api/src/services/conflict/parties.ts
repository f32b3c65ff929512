import { and, asc, eq, inArray, isNotNull, or, sql, type SQL } from "@truce/db";
import { conflictParty, group, individual } from "@truce/db/schema";
import type { Actor } from "@truce/auth/actor";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";

export interface ConflictPartyItem {
  /** The conflict_party row. */
  partyId: string;
  conflictId: string;
  kind: "group" | "individual";
  /** The group's or the person's id. */
  id: string;
  name: string;
  side: string;
  /** A person under 18 by their date of birth; false for a group. */
  isMinor: boolean;
}

/**
 * The parties a conflict shows the actor: every group, and of the people only those in the
 * actor's view of the register, decided in the query (a pending registration of another
 * agency is not even named). A group party has no person, so its row passes on the group.
 */
export function visiblePartyScope(actor: Actor): SQL {
  return or(isNotNull(conflictParty.groupId), individualScope(actor)) as SQL;
}

/** The visible parties of the given conflicts, by side and name: one statement for any number. */
export async function partiesOf(
  { db, actor }: ServiceContext,
  conflictIds: string[],
): Promise<ConflictPartyItem[]> {
  if (conflictIds.length === 0) return [];
  const name = sql<string>`coalesce(${group.name}, ${individual.givenName} || ' ' || ${individual.familyName})`;
  const rows = await db
    .select({
      partyId: conflictParty.id,
      conflictId: conflictParty.conflictId,
      groupId: conflictParty.groupId,
      individualId: conflictParty.individualId,
      name,
      side: conflictParty.side,
      isMinor: sql<boolean>`coalesce(${individual.dateOfBirth} > current_date - interval '18 years', false)`,
    })
    .from(conflictParty)
    .leftJoin(group, eq(group.id, conflictParty.groupId))
    .leftJoin(individual, eq(individual.id, conflictParty.individualId))
    .where(and(inArray(conflictParty.conflictId, conflictIds), visiblePartyScope(actor)))
    .orderBy(
      asc(conflictParty.side),
      // The groups of a side first, then its people.
      sql`${conflictParty.groupId} is null`,
      name,
      asc(conflictParty.id),
    );
  return rows.map(({ groupId, individualId, ...row }) => ({
    ...row,
    kind: groupId ? "group" : "individual",
    id: (groupId ?? individualId)!,
  }));
}
