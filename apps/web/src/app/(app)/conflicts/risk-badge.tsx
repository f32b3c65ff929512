"use client";

import { useTranslations } from "next-intl";
import type { RISK_LEVELS } from "@truce/db/enum-values";
import { Badge } from "@truce/ui";

type RiskLevel = (typeof RISK_LEVELS)[number];

const VARIANT = {
  critical: "destructive",
  high: "destructive",
  medium: "warning",
  low: "secondary",
} as const satisfies Record<RiskLevel, "destructive" | "warning" | "secondary">;

/** A risk level as a badge; the word says it, the colour only repeats it. */
export function RiskBadge({ risk }: { risk: RiskLevel }) {
  const t = useTranslations("conflicts");
  const tEnum = useTranslations("enums");
  return (
    <Badge variant={VARIANT[risk]}>{t("riskBadge", { risk: tEnum(`riskLevel.${risk}`) })}</Badge>
  );
}
