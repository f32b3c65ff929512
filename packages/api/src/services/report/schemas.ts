import { z } from "zod";
import { INCIDENT_KINDS } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { recordId, REPORT_DAYS } from "../fields";
import { plainText } from "../text";

// The reports' input rules: the procedures validate with these and the web app's report
// pages read their address by the same objects (@truce/api/schemas/report).

/** A refinement checked only on a value that passed the checks before it: one message each. */
const once = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

/** The calendar the reports cover (in ../fields, so other domains' days can keep to it). */
export { REPORT_DAYS };

/** The longest period one report covers, in years: at most 360 months in a table. */
export const REPORT_MAX_YEARS = 30;

/** How a report's time table is cut: a row per year, quarter or month. */
export const REPORT_GRANULARITIES = ["year", "quarter", "month"] as const;
export type ReportGranularity = (typeof REPORT_GRANULARITIES)[number];

/** Who an export is for: the programme itself, or people outside it (small counts hidden). */
export const REPORT_AUDIENCES = ["internal", "external"] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

const reportDay = (key: string) =>
  z.iso.date(key).refine((value) => value >= REPORT_DAYS.first && value <= REPORT_DAYS.last, {
    message: key,
    ...once,
  });

/** The day `years` years after `day`, as text ("2020-02-29" + 1 → "2021-03-01"). */
function yearsAfter(day: string, years: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCFullYear(at.getUTCFullYear() + years);
  return at.toISOString().slice(0, 10);
}

/**
 * A report's period and where: the first and last day (both included, on the programme's
 * calendar) and a district, matched exactly. `.shape` gives each field's own rule, which the
 * pages read their address with.
 */
const reportFilters = z.object({
  from: reportDay("validation.report.from"),
  to: reportDay("validation.report.to"),
  district: plainText(FIELD_LIMITS.incident.district, "validation.report.district").optional(),
});

/** The period's rules across its two days: in order, and not longer than the reports cover. */
function periodRules<S extends z.ZodType<{ from: string; to: string }>>(schema: S): S {
  return schema
    .refine(({ from, to }) => from <= to, {
      message: "validation.report.order",
      path: ["to"],
      ...once,
    })
    .refine(({ from, to }) => to < yearsAfter(from, REPORT_MAX_YEARS), {
      message: "validation.report.tooLong",
      path: ["to"],
      ...once,
    });
}

/** An export's input: a report's own filters, and who the file is for. */
function withAudience<S extends z.ZodRawShape>(fields: z.ZodObject<S>) {
  return fields.extend({ audience: z.enum(REPORT_AUDIENCES, "validation.report.audience") });
}

const incidentReportFields = reportFilters.extend({
  granularity: z.enum(REPORT_GRANULARITIES, "validation.report.granularity").default("year"),
  /** The kinds of incident counted, each a column; every kind unless asked otherwise. */
  kinds: z
    .array(z.enum(INCIDENT_KINDS, "validation.report.kinds"), "validation.report.kinds")
    .refine((list) => list.length >= 1 && list.length <= INCIDENT_KINDS.length, {
      message: "validation.report.kinds",
      ...once,
    })
    .default([...INCIDENT_KINDS]),
});

/** Shootings and violence: incidents per period by kind, with dead and injured. */
export const incidentReportInput = periodRules(incidentReportFields);
export type IncidentReportInput = z.infer<typeof incidentReportInput>;
/** Each field's own rule, for reading a report's address. */
export const incidentReportShape = incidentReportFields.shape;

/** An export of the incidents report: the same filters, and who the file is for. */
export const incidentReportExportInput = periodRules(withAudience(incidentReportFields));
export type IncidentReportExportInput = z.infer<typeof incidentReportExportInput>;

const agencyFilter = recordId.optional();

const exitFunnelFields = reportFilters.extend({
  /** The agency that recorded each step: an intervention's lead, an outcome's recorder. */
  agencyId: agencyFilter,
});

/** The exit funnel: the people at each step of the way out, over a period. */
export const exitFunnelInput = periodRules(exitFunnelFields);
export type ExitFunnelInput = z.infer<typeof exitFunnelInput>;
export const exitFunnelShape = exitFunnelFields.shape;

/** An export of the exit funnel: the same filters, and who the file is for. */
export const exitFunnelExportInput = periodRules(withAudience(exitFunnelFields));
export type ExitFunnelExportInput = z.infer<typeof exitFunnelExportInput>;

const activityReportFields = reportFilters.extend({
  granularity: z.enum(REPORT_GRANULARITIES, "validation.report.granularity").default("month"),
  /** The interventions' lead agency. */
  agencyId: agencyFilter,
});

/** Activity: the interventions done per period by kind and lead agency, call-ins, enforcement. */
export const activityReportInput = periodRules(activityReportFields);
export type ActivityReportInput = z.infer<typeof activityReportInput>;
export const activityReportShape = activityReportFields.shape;

/** An export of the activity report: the same filters, and who the file is for. */
export const activityReportExportInput = periodRules(withAudience(activityReportFields));
export type ActivityReportExportInput = z.infer<typeof activityReportExportInput>;

const conflictsReportFields = reportFilters.extend({
  granularity: z.enum(REPORT_GRANULARITIES, "validation.report.granularity").default("month"),
  /** The people's registering agency (conflicts are the whole programme's: no agency). */
  agencyId: agencyFilter,
});

/**
 * Conflicts and people: the conflicts by status at the end of each period, and the register
 * as it stands today, by status, risk and category, with its reviews due and overdue.
 */
export const conflictsReportInput = periodRules(conflictsReportFields);
export type ConflictsReportInput = z.infer<typeof conflictsReportInput>;
export const conflictsReportShape = conflictsReportFields.shape;

/** An export of the conflicts and people report: the same filters, and who the file is for. */
export const conflictsReportExportInput = periodRules(withAudience(conflictsReportFields));
export type ConflictsReportExportInput = z.infer<typeof conflictsReportExportInput>;
/**
 * The evaluators' extract (docs/reports.md): a period on the interventions, outcomes and
 * incidents it holds, either end open. The people, groups and conflicts are all there.
 */
export const evaluatorsExtractInput = z
  .object({
    from: reportDay("validation.report.from").optional(),
    to: reportDay("validation.report.to").optional(),
  })
  .refine(({ from, to }) => from === undefined || to === undefined || from <= to, {
    message: "validation.report.order",
    path: ["to"],
    ...once,
  });
export type EvaluatorsExtractInput = z.infer<typeof evaluatorsExtractInput>;

/**
 * The extract's file name: its period, "start" for an open first day and the day it is made
 * (on the programme's calendar) for an open last day. The route names its archive so, and the
 * page offers the same name where it asks where to save it.
 */
export function evaluatorsExtractFileName(filters: EvaluatorsExtractInput, today: string): string {
  return `truce-evaluators-extract_${filters.from ?? "start"}_${filters.to ?? today}.zip`;
}

/** The extract's files, in the order the archive holds them (the page names the one arriving). */
export const EXTRACT_FILES = [
  "people.csv",
  "groups.csv",
  "group_memberships.csv",
  "conflicts.csv",
  "interventions.csv",
  "participants.csv",
  "outcomes.csv",
  "incidents.csv",
  "incident_parties.csv",
  "README.md",
] as const;
export type ExtractFileName = (typeof EXTRACT_FILES)[number];
