import type { TRPCRouterRecord } from "@trpc/server";
import { createIntervention } from "../services/intervention/create-intervention";
import { interventionFormOptions } from "../services/intervention/form-options";
import { getIntervention } from "../services/intervention/get-intervention";
import { listInterventionsForIndividual } from "../services/intervention/list-interventions";
import {
  createInterventionInput,
  getInterventionInput,
  listInterventionsForIndividualInput,
  updateInterventionInput,
} from "../services/intervention/schemas";
import { updateIntervention } from "../services/intervention/update-intervention";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const interventionRouter = {
  forIndividual: caseContentProcedure("intervention.read")
    .input(listInterventionsForIndividualInput)
    .query(({ ctx, input }) => listInterventionsForIndividual(ctx, input)),
  /** One intervention with its people; the read is logged with the session's purpose. */
  byId: caseContentProcedure("intervention.read")
    .input(getInterventionInput)
    .query(({ ctx, input }) => getIntervention(ctx, input)),
  /** The form's choices: agencies, groups, conflicts, the latest incidents. */
  formOptions: authorizedProcedure("intervention.create").query(({ ctx }) =>
    interventionFormOptions(ctx),
  ),
  /** A call-in with its people, agencies and speakers, or any other kind: all or nothing. */
  create: authorizedProcedure("intervention.create")
    .input(createInterventionInput)
    .mutation(({ ctx, input }) => createIntervention(ctx, input)),
  /** Its status, time, texts and the participants' responses, from the version seen. */
  update: authorizedProcedure("intervention.update")
    .input(updateInterventionInput)
    .mutation(({ ctx, input }) => updateIntervention(ctx, input)),
} satisfies TRPCRouterRecord;
