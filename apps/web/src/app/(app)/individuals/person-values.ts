"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback } from "react";

/** Which enum of the catalog (`enums.<name>`) labels a field's values. */
const ENUM_OF: Record<string, string> = {
  riskLevel: "riskLevel",
  supervision: "supervision",
  category: "individualCategory",
  status: "individualStatus",
};

/** A field's value as the person reads it: an enum's label, a date, a list, or "none". */
export function useFieldValue(): (field: string, value: unknown) => string {
  const tEnum = useTranslations("enums");
  const t = useTranslations("personForm");
  const format = useFormatter();
  return useCallback(
    (field, value) => {
      if (value === null || value === undefined || value === "") return t("none");
      if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : t("none");
      const enumName = ENUM_OF[field];
      if (enumName) return tEnum(`${enumName}.${String(value)}` as never);
      if (field === "dateOfBirth" && typeof value === "string") {
        return format.dateTime(new Date(value), { dateStyle: "medium" });
      }
      return String(value);
    },
    [t, tEnum, format],
  );
}
