import type { TRPCRouterRecord } from "@trpc/server";
import { activityReport } from "../services/report/activity";
import { conflictsReport } from "../services/report/conflicts";
import { exportConflictsReport } from "../services/report/export-conflicts";
import { exportActivityReport } from "../services/report/export-activity";
import { exportExitFunnel } from "../services/report/export-funnel";
import { exportIncidentReport } from "../services/report/export-incidents";
import { exitFunnel } from "../services/report/funnel";
import { incidentReport } from "../services/report/incidents";
import { reportOptions } from "../services/report/options";
import {
  activityReportExportInput,
  activityReportInput,
  conflictsReportExportInput,
  conflictsReportInput,
  exitFunnelExportInput,
  exitFunnelInput,
  incidentReportExportInput,
  incidentReportInput,
} from "../services/report/schemas";
import { authorizedProcedure } from "../trpc";

/**
 * The outcome reports, for managers only: aggregates counted by the database, never a row
 * about anyone. Each export is a mutation, so the file never leaves without its row in the
 * access log.
 */
export const reportRouter = {
  /** The filters' choices, and the programme's start date every time chart marks. */
  options: authorizedProcedure("report.read").query(({ ctx }) => reportOptions(ctx)),
  /** Shootings and violence: incidents per period by kind, with dead and injured. */
  incidents: authorizedProcedure("report.read")
    .input(incidentReportInput)
    .query(({ ctx, input }) => incidentReport(ctx, input)),
  /** The incidents report's table for a CSV file, internal or external, logged as an export. */
  exportIncidents: authorizedProcedure("report.export")
    .input(incidentReportExportInput)
    .mutation(({ ctx, input }) => exportIncidentReport(ctx, input)),
  /** The exit funnel: the people at each step of the way out, and each step's share. */
  funnel: authorizedProcedure("report.read")
    .input(exitFunnelInput)
    .query(({ ctx, input }) => exitFunnel(ctx, input)),
  /** The exit funnel's table for a CSV file, internal or external, logged as an export. */
  exportFunnel: authorizedProcedure("report.export")
    .input(exitFunnelExportInput)
    .mutation(({ ctx, input }) => exportExitFunnel(ctx, input)),
  /** Activity: interventions done per period by kind and lead agency, call-ins, enforcement. */
  activity: authorizedProcedure("report.read")
    .input(activityReportInput)
    .query(({ ctx, input }) => activityReport(ctx, input)),
  /** The activity report's tables for a CSV file, internal or external, logged as an export. */
  exportActivity: authorizedProcedure("report.export")
    .input(activityReportExportInput)
    .mutation(({ ctx, input }) => exportActivityReport(ctx, input)),
  /** Conflicts by status over time, and the register today by status, risk and category. */
  conflicts: authorizedProcedure("report.read")
    .input(conflictsReportInput)
    .query(({ ctx, input }) => conflictsReport(ctx, input)),
  /** The conflicts and people report's tables for a CSV file, logged as an export. */
  exportConflicts: authorizedProcedure("report.export")
    .input(conflictsReportExportInput)
    .mutation(({ ctx, input }) => exportConflictsReport(ctx, input)),
} satisfies TRPCRouterRecord;
