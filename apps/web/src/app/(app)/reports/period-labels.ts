"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReportGranularity } from "@truce/api/schemas/report";
import { addMonths } from "@truce/db/programme-calendar";

/** A day as a Date at noon UTC: the same calendar day in the programme's zone. */
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** The last day of the period that starts on `period` ("2020-01-01" by quarter: 31 March). */
export function periodEnd(period: string, granularity: ReportGranularity): string {
  const months = granularity === "year" ? 12 : granularity === "quarter" ? 3 : 1;
  const next = new Date(`${addMonths(period, months)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

/** How the reports name their periods and days, in the user's language. */
export function usePeriodLabels() {
  const t = useTranslations("reports");
  const format = useFormatter();
  const day = (value: string) => format.dateTime(noon(value), { dateStyle: "medium" });
  return {
    day,
    range: (from: string, to: string) => t("incidents.cut", { from: day(from), to: day(to) }),
    /** A period by its first day: "2020", "Q1 2020", "Jan 2020". */
    period(period: string, granularity: ReportGranularity): string {
      const year = Number(period.slice(0, 4));
      if (granularity === "year") return String(year);
      if (granularity === "quarter") {
        return t("incidents.quarter", {
          quarter: Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1,
          year,
        });
      }
      return format.dateTime(noon(period), { month: "short", year: "numeric" });
    },
    /** Whether the report covers only part of a period (its first or last, cut by the filter). */
    isCut(
      row: { period: string; firstDay: string; lastDay: string },
      granularity: ReportGranularity,
    ) {
      return row.firstDay !== row.period || row.lastDay !== periodEnd(row.period, granularity);
    },
  };
}
