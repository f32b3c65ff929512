import type { TRPCRouterRecord } from "@trpc/server";
import { getIndividualProfile } from "../services/individual/get-individual-profile";
import { listIndividuals } from "../services/individual/list-individuals";
import { getIndividualProfileInput, listIndividualsInput } from "../services/individual/schemas";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const individualRouter = {
  list: authorizedProcedure("individual.list")
    .input(listIndividualsInput)
    .query(({ ctx, input }) => listIndividuals(ctx, input)),
  /** A person's profile; the read is logged with the session's purpose. */
  byId: caseContentProcedure("individual.read")
    .input(getIndividualProfileInput)
    .query(({ ctx, input }) => getIndividualProfile(ctx, input)),
} satisfies TRPCRouterRecord;
