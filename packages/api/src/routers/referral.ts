import type { TRPCRouterRecord } from "@trpc/server";
import { createReferral, referralFormOptions } from "../services/referral/create-referral";
import { listReferrals } from "../services/referral/list-referrals";
import {
  createReferralInput,
  listReferralsInput,
  transitionReferralInput,
} from "../services/referral/schemas";
import { transitionReferral } from "../services/referral/transition-referral";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const referralRouter = {
  /**
   * The agency's inbox (`box: "received"`) or the referrals it sent, newest first: they name
   * people and carry the notes between the two agencies, so the read is logged.
   */
  list: caseContentProcedure("referral.list")
    .input(listReferralsInput)
    .query(({ ctx, input }) => listReferrals(ctx, input)),
  /** The refer dialog's choices: the agencies a referral may go to. */
  formOptions: authorizedProcedure("referral.create").query(({ ctx }) => referralFormOptions(ctx)),
  create: authorizedProcedure("referral.create")
    .input(createReferralInput)
    .mutation(({ ctx, input }) => createReferral(ctx, input)),
  /**
   * One step: accept, decline (with a reason), in progress, complete (the receiving agency),
   * withdraw (the sending agency), by the status it gives; versioned.
   */
  transition: authorizedProcedure("referral.update")
    .input(transitionReferralInput)
    .mutation(({ ctx, input }) => transitionReferral(ctx, input)),
} satisfies TRPCRouterRecord;
