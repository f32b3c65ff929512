import { and, asc, count, eq } from "@truce/db";
import { agency, membership } from "@truce/db/schema";
import { agencyScope } from "../../policy";
import type { ServiceContext } from "../context";

export interface AgencyListItem {
  id: string;
  name: string;
  kind: (typeof agency.kind.enumValues)[number];
  active: boolean;
  memberCount: number;
}

/** The agencies the actor may administer or audit, with their number of enabled memberships. */
export async function listAgencies({ db, actor }: ServiceContext): Promise<AgencyListItem[]> {
  return (
    db
      .select({
        id: agency.id,
        name: agency.name,
        kind: agency.kind,
        active: agency.active,
        memberCount: count(membership.id),
      })
      .from(agency)
      // a membership its agency's admin disabled is no longer a member
      .leftJoin(membership, and(eq(membership.agencyId, agency.id), eq(membership.disabled, false)))
      .where(agencyScope(actor))
      .groupBy(agency.id)
      .orderBy(asc(agency.name))
  );
}
