"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";

/** A period of dates (a membership's, an alliance's) as a person reads it. */
export function usePeriod(): (fromOn: string | null, toOn: string | null) => string {
  const t = useTranslations("groups.period");
  const format = useFormatter();
  return useCallback(
    (fromOn, toOn) => {
      const day = (date: string) => format.dateTime(new Date(date), { dateStyle: "medium" });
      if (fromOn && toOn) return t("between", { from: day(fromOn), to: day(toOn) });
      if (fromOn) return t("since", { from: day(fromOn) });
      if (toOn) return t("until", { to: day(toOn) });
      return t("unknown");
    },
    [t, format],
  );
}
