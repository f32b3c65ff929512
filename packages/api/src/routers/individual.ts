import type { TRPCRouterRecord } from "@trpc/server";
import { createIndividual } from "../services/individual/create-individual";
import { individualFormOptions } from "../services/individual/form-options";
import { getIndividualConnections } from "../services/individual/get-connections";
import { getIndividualProfile } from "../services/individual/get-individual-profile";
import { getIndividualTimeline } from "../services/individual/get-timeline";
import { likelyDuplicates } from "../services/individual/likely-duplicates";
import { listIndividuals } from "../services/individual/list-individuals";
import {
  createIndividualInput,
  getIndividualProfileInput,
  individualConnectionsInput,
  individualTimelineInput,
  likelyDuplicatesInput,
  listIndividualsInput,
  setIndividualStatusInput,
  updateIndividualInput,
} from "../services/individual/schemas";
import { setIndividualStatus, updateIndividual } from "../services/individual/update-individual";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const individualRouter = {
  list: authorizedProcedure("individual.list")
    .input(listIndividualsInput)
    .query(({ ctx, input }) => listIndividuals(ctx, input)),
  /** A person's profile; the read is logged with the session's purpose. */
  byId: caseContentProcedure("individual.read")
    .input(getIndividualProfileInput)
    .query(({ ctx, input }) => getIndividualProfile(ctx, input)),
  /** Everything that happened to or with a person, newest first, a page at a time; logged. */
  timeline: caseContentProcedure("individual.read")
    .input(individualTimelineInput)
    .query(({ ctx, input }) => getIndividualTimeline(ctx, input)),
  /** A person's groups, conflicts and open referrals; logged. */
  connections: caseContentProcedure("individual.read")
    .input(individualConnectionsInput)
    .query(({ ctx, input }) => getIndividualConnections(ctx, input)),
  /** The register's filter choices and the registration form's defaults. */
  formOptions: authorizedProcedure("individual.list").query(({ ctx }) =>
    individualFormOptions(ctx),
  ),
  /** Who may already be registered under a name like this one: asked before registering. */
  likelyDuplicates: authorizedProcedure("individual.create")
    .input(likelyDuplicatesInput)
    .query(({ ctx, input }) => likelyDuplicates(ctx, input)),
  create: authorizedProcedure("individual.create")
    .input(createIndividualInput)
    .mutation(({ ctx, input }) => createIndividual(ctx, input)),
  update: authorizedProcedure("individual.update")
    .input(updateIndividualInput)
    .mutation(({ ctx, input }) => updateIndividual(ctx, input)),
  setStatus: authorizedProcedure("individual.update")
    .input(setIndividualStatusInput)
    .mutation(({ ctx, input }) => setIndividualStatus(ctx, input)),
} satisfies TRPCRouterRecord;
