import { alias, and, desc, eq, inArray, sql } from "@truce/db";
import { agency, individual, referral } from "@truce/db/schema";
import { recordRead, type CaseContentContext } from "../../case-read";
import { individualScope, referralNoteVisible } from "../../policy";
import { inTransaction } from "../context";
import { cappedCount } from "../count";
import { offsetOf, type Page } from "../pagination";
import { actingAgencyId } from "./create-referral";
import {
  listReferralsInput,
  OPEN_REFERRAL_STATUSES,
  referralStepsFor,
  type ListReferralsInput,
  type ReferralStatus,
  type ReferralStep,
} from "./schemas";

const fromAgency = alias(agency, "from_agency");
const toAgency = alias(agency, "to_agency");

export interface ReferralListItem {
  id: string;
  /** The version the steps start from (referral.transition's `version`). */
  version: number;
  /** The person, when in the actor's view of the register; null (and no name) otherwise. */
  individualId: string | null;
  personName: string | null;
  service: (typeof referral.service.enumValues)[number];
  fromAgencyId: string;
  fromAgencyName: string;
  toAgencyId: string;
  toAgencyName: string;
  status: ReferralStatus;
  consent: boolean;
  consentOn: string | null;
  /** When it was sent, and when it last changed (its latest step). */
  createdAt: Date;
  updatedAt: Date;
  /** The note, for the two agencies it is between (referralNoteVisible); null for others. */
  noteVisible: boolean;
  note: string | null;
  /** The steps the actor's agency may take on it now (REFERRAL_TRANSITIONS). */
  steps: ReferralStep[];
}

/**
 * A page of the actor's agency's referrals, newest first: its inbox (`box: "received"`,
 * those sent to it) or those it sent, of the statuses asked for (the open ones when none
 * are). Each row names the person only when they are in the actor's view of the register
 * (individualScope): a pending registration of the sending agency is referred without its
 * name. The page is a walk of referral_to_agency_order_idx (or _from_) to the LIMIT with the
 * status checked row by row, and the count is capped (cappedCount).
 *
 * Case content (the notes between the two agencies, and which person is referred for which
 * service), so the read is logged: one access-log row for the page, naming the agency's box,
 * the referrals and the people it showed. The start page reuses this function.
 */
export async function listReferrals(
  ctx: CaseContentContext,
  rawInput: ListReferralsInput,
): Promise<Page<ReferralListItem> & { box: "received" | "sent"; status: ReferralStatus[] }> {
  const input = listReferralsInput.parse(rawInput);
  const agencyId = actingAgencyId(ctx);
  const statuses = input.status ?? [...OPEN_REFERRAL_STATUSES];
  const mine = input.box === "received" ? referral.toAgencyId : referral.fromAgencyId;
  const side = input.box === "received" ? "receiver" : "sender";
  const where = and(eq(mine, agencyId), inArray(referral.status, statuses));
  return inTransaction(ctx, async (tx) => {
    const noteVisible = referralNoteVisible(tx.actor);
    const [rows, count] = await Promise.all([
      tx.db
        .select({
          id: referral.id,
          version: referral.version,
          individualId: individual.id,
          givenName: individual.givenName,
          familyName: individual.familyName,
          service: referral.service,
          fromAgencyId: referral.fromAgencyId,
          fromAgencyName: fromAgency.name,
          toAgencyId: referral.toAgencyId,
          toAgencyName: toAgency.name,
          status: referral.status,
          consent: referral.consent,
          consentOn: referral.consentOn,
          createdAt: referral.createdAt,
          updatedAt: referral.updatedAt,
          noteVisible: sql<boolean>`${noteVisible}`,
          note: sql<string | null>`case when ${noteVisible} then ${referral.note} end`,
        })
        .from(referral)
        .innerJoin(fromAgency, eq(fromAgency.id, referral.fromAgencyId))
        .innerJoin(toAgency, eq(toAgency.id, referral.toAgencyId))
        .leftJoin(
          individual,
          and(eq(individual.id, referral.individualId), individualScope(tx.actor)),
        )
        .where(where)
        .orderBy(desc(referral.createdAt), desc(referral.id))
        .limit(input.pageSize)
        .offset(offsetOf(input)),
      cappedCount(tx.db, referral, where),
    ]);
    const items: ReferralListItem[] = rows.map(({ givenName, familyName, ...row }) => ({
      ...row,
      personName: row.individualId ? `${givenName} ${familyName}` : null,
      steps: referralStepsFor(row.status, side),
    }));
    await recordRead(tx, {
      entityType: "agency",
      entityId: agencyId,
      detail: {
        view: "referrals",
        box: input.box,
        referralIds: items.map((r) => r.id),
        individualIds: items.flatMap((r) => (r.individualId ? [r.individualId] : [])),
      },
    });
    return {
      items,
      ...count,
      page: input.page,
      pageSize: input.pageSize,
      box: input.box,
      status: statuses,
    };
  });
}
