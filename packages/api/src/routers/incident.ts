import type { TRPCRouterRecord } from "@trpc/server";
import { createIncident, reviewIncident } from "../services/incident/create-incident";
import { incidentFormOptions } from "../services/incident/form-options";
import { getIncident } from "../services/incident/get-incident";
import { listIncidents } from "../services/incident/list-incidents";
import {
  createIncidentInput,
  getIncidentInput,
  listIncidentsInput,
  reviewIncidentInput,
} from "../services/incident/schemas";
import { authorizedProcedure, caseContentProcedure } from "../trpc";

export const incidentRouter = {
  list: authorizedProcedure("incident.list")
    .input(listIncidentsInput)
    .query(({ ctx, input }) => listIncidents(ctx, input)),
  /** One incident with its parties; the read is logged with the session's purpose. */
  byId: caseContentProcedure("incident.read")
    .input(getIncidentInput)
    .query(({ ctx, input }) => getIncident(ctx, input)),
  /** The incident filters' and form's choices: conflicts, groups, districts. */
  formOptions: authorizedProcedure("incident.list").query(({ ctx }) => incidentFormOptions(ctx)),
  create: authorizedProcedure("incident.create")
    .input(createIncidentInput)
    .mutation(({ ctx, input }) => createIncident(ctx, input)),
  /** The incident review: whether group members were involved. */
  review: authorizedProcedure("incident.review")
    .input(reviewIncidentInput)
    .mutation(({ ctx, input }) => reviewIncident(ctx, input)),
} satisfies TRPCRouterRecord;
