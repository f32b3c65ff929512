"use client";

import { useTranslations } from "next-intl";
import { Input, Label, NativeSelect } from "@truce/ui";
import {
  periodDays,
  springYears,
  type PeriodChoice,
  type PeriodContext,
  type PeriodPreset,
} from "./period";

const NAMED: Exclude<PeriodPreset, "spring" | "custom">[] = [
  "programme",
  "thisYear",
  "last12Months",
  "lastYear",
];

/**
 * A report's period: a named one (the programme so far, this year, the last 12 months, last
 * year, a spring) or days of the user's own, whose two date fields show while it is chosen.
 * Choosing "days of your own" starts from the days the report showed.
 */
export function PeriodFilter({
  idPrefix,
  choice,
  days,
  context,
  fromError,
  toError,
  onChange,
}: {
  idPrefix: string;
  choice: PeriodChoice;
  days: { from: string; to: string };
  context: PeriodContext;
  fromError?: string;
  toError?: string;
  onChange: (choice: PeriodChoice) => void;
}) {
  const t = useTranslations("reports.filters");
  const value = choice.preset === "spring" ? `spring-${choice.year}` : choice.preset;
  const springs = springYears(context);
  if (choice.preset === "spring" && !springs.includes(choice.year)) springs.unshift(choice.year);
  const choose = (next: string) => {
    const spring = /^spring-(\d{4})$/.exec(next);
    if (spring) onChange({ preset: "spring", year: Number(spring[1]) });
    else if (next === "custom") onChange({ preset: "custom", ...periodDays(choice, context) });
    else onChange({ preset: next as (typeof NAMED)[number] });
  };
  return (
    <>
      <div className="grid content-start gap-1.5">
        <Label htmlFor={`${idPrefix}-period`}>{t("period")}</Label>
        <NativeSelect
          id={`${idPrefix}-period`}
          value={value}
          onChange={(event) => choose(event.target.value)}
        >
          {NAMED.map((preset) => (
            <option key={preset} value={preset}>
              {t(`presets.${preset}`)}
            </option>
          ))}
          <optgroup label={t("springs")}>
            {springs.map((year) => (
              <option key={year} value={`spring-${year}`}>
                {t("presets.spring", { year })}
              </option>
            ))}
          </optgroup>
          <option value="custom">{t("presets.custom")}</option>
        </NativeSelect>
      </div>
      {choice.preset === "custom" ? (
        <div className="grid grid-cols-2 gap-2">
          {(["from", "to"] as const).map((field) => {
            const error = field === "from" ? fromError : toError;
            const id = `${idPrefix}-${field}`;
            return (
              <div key={field} className="grid content-start gap-1.5">
                <Label htmlFor={id}>{t(field)}</Label>
                <Input
                  id={id}
                  type="date"
                  value={days[field]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(event) =>
                    onChange({ preset: "custom", ...days, [field]: event.target.value })
                  }
                />
                {error ? (
                  <p id={`${id}-error`} className="text-sm text-destructive">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : null}
    </>
  );
}
