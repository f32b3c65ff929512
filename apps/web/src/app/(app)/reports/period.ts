import {
  REPORT_GRANULARITIES,
  REPORT_MAX_YEARS,
  type ReportGranularity,
} from "@truce/api/schemas/report";
import { addMonths } from "@truce/db/programme-calendar";
import type { AddressParams } from "@truce/ui";

// A report's period as its address holds it, and the first and last day it stands for: pure,
// and no client module, so the server page and the browser read the same period from the
// same address and ask for the same report. Every report copies this.

/** The periods offered by name; `spring` is of a year, `custom` two days of the user's own. */
export const PERIOD_PRESETS = [
  "programme",
  "thisYear",
  "last12Months",
  "lastYear",
  "spring",
  "custom",
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type PeriodChoice =
  | { preset: Exclude<PeriodPreset, "spring" | "custom"> }
  | { preset: "spring"; year: number }
  | { preset: "custom"; from: string; to: string };

/** What a period is read against: today on the programme's calendar, and its start. */
export interface PeriodContext {
  today: string;
  programmeStartedOn: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const yearOf = (day: string) => Number(day.slice(0, 4));

function addDays(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * The period an address names: `?period=thisYear`, `?period=spring-2020`, or a range of its
 * own (`?from=2019-07-01&to=2020-06-30`); none is the programme so far. Days that are not
 * days are left for the procedure to refuse with its message, so the user sees why.
 */
export function readPeriod(params: AddressParams): PeriodChoice {
  const { period, from, to } = params;
  if (typeof from === "string" && typeof to === "string" && (from !== "" || to !== "")) {
    return { preset: "custom", from, to };
  }
  if (typeof period === "string") {
    const spring = /^spring-(\d{4})$/.exec(period);
    if (spring) return { preset: "spring", year: Number(spring[1]) };
    if (period === "thisYear" || period === "last12Months" || period === "lastYear") {
      return { preset: period };
    }
  }
  return { preset: "programme" };
}

/** The period's address parameters: none for the default, the programme so far. */
export function periodParams(choice: PeriodChoice): Record<string, string> {
  switch (choice.preset) {
    case "programme":
      return {};
    case "spring":
      return { period: `spring-${choice.year}` };
    case "custom":
      return { from: choice.from, to: choice.to };
    default:
      return { period: choice.preset };
  }
}

/**
 * The first and last day of a period, both included. The programme so far starts on 1 January
 * of the year before the programme's start (so the first year is there to compare with), or
 * four years back while no start is set; spring is March to May; nothing ends after today.
 */
export function periodDays(choice: PeriodChoice, { today, programmeStartedOn }: PeriodContext) {
  const thisYear = yearOf(today);
  const upToToday = (from: string, to: string) => ({ from, to: to < today ? to : today });
  switch (choice.preset) {
    case "programme": {
      const first = programmeStartedOn ? yearOf(programmeStartedOn) - 1 : thisYear - 4;
      const from = `${Math.max(first, thisYear - REPORT_MAX_YEARS + 1)}-01-01`;
      return { from, to: today };
    }
    case "thisYear":
      return { from: `${thisYear}-01-01`, to: today };
    case "last12Months":
      return { from: addDays(addMonths(today, -12), 1), to: today };
    case "lastYear":
      return { from: `${thisYear - 1}-01-01`, to: `${thisYear - 1}-12-31` };
    case "spring":
      return upToToday(`${choice.year}-03-01`, `${choice.year}-05-31`);
    case "custom":
      return { from: choice.from, to: choice.to };
  }
}

/** The springs offered: from the year before the programme's start (or four years back) to this one. */
export function springYears({ today, programmeStartedOn }: PeriodContext): number[] {
  const thisYear = yearOf(today);
  const first = programmeStartedOn ? yearOf(programmeStartedOn) - 1 : thisYear - 4;
  const years: number[] = [];
  for (let year = thisYear; year >= Math.max(first, thisYear - REPORT_MAX_YEARS + 1); year--) {
    if (`${year}-03-01` <= today) years.push(year);
  }
  return years;
}

/**
 * How a report cuts its period unless the address says (`?by=quarter`): months for a year or
 * less, quarters up to four years, years beyond.
 */
export function readGranularity(
  params: AddressParams,
  days: { from: string; to: string },
): ReportGranularity {
  const by = REPORT_GRANULARITIES.find((g) => g === params.by);
  if (by) return by;
  if (!DAY.test(days.from) || !DAY.test(days.to)) return "year";
  if (days.to < addMonths(days.from, 12)) return "month";
  if (days.to < addMonths(days.from, 48)) return "quarter";
  return "year";
}
