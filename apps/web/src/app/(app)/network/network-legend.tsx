"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { RISK_LEVELS } from "@truce/db/enum-values";
import {
  ALLIANCE_STYLE,
  CONFLICT_WIDTHS,
  ENDED_ALLIANCE_STYLE,
  GROUP_STYLES,
  RISK_COLOURS,
} from "./network-style";

/** A sample of a style, drawn beside its words; the words alone say it all. */
function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 40 20" className="h-5 w-10 shrink-0">
      {children}
    </svg>
  );
}

const dashOf = (style: "solid" | "dashed" | "dotted") =>
  style === "dashed" ? "4 3" : style === "dotted" ? "1 3" : undefined;

function Node({ status, square }: { status: keyof typeof GROUP_STYLES; square?: boolean }) {
  const s = GROUP_STYLES[status];
  const shape = {
    fill: s.fill,
    fillOpacity: s.fillOpacity,
    stroke: s.border,
    strokeWidth: 2,
    strokeDasharray: dashOf(s.borderStyle),
  };
  return (
    <Swatch>
      {square ? (
        <rect x="13" y="3" width="14" height="14" rx="3" {...shape} />
      ) : (
        <circle cx="20" cy="10" r="7" {...shape} />
      )}
    </Swatch>
  );
}

function Line({
  colour,
  width,
  dash,
}: {
  colour: string;
  width: number;
  dash?: readonly number[];
}) {
  return (
    <Swatch>
      <line
        x1="2"
        y1="10"
        x2="38"
        y2="10"
        stroke={colour}
        strokeWidth={width}
        strokeDasharray={dash?.join(" ")}
      />
    </Swatch>
  );
}

/** Every style of the picture, explained in words. */
export function NetworkLegend() {
  const t = useTranslations("network.legend");
  const tEnum = useTranslations("enums");
  const item = (swatch: ReactNode, text: string, key = text) => (
    <li key={key} className="flex items-center gap-3">
      {swatch}
      <span>{text}</span>
    </li>
  );
  return (
    <section aria-labelledby="network-legend" className="space-y-3 text-sm">
      <h2 id="network-legend" className="text-base font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <ul className="space-y-2">
          <li>{t("size")}</li>
          {item(<Node status="active" />, t("active"))}
          {item(<Node status="dormant" />, t("dormant"))}
          {item(<Node status="dissolved" />, t("dissolved"))}
          {item(<Node status="active" square />, t("outside"))}
        </ul>
        <ul className="space-y-2">
          <li>{t("conflict")}</li>
          {RISK_LEVELS.map((risk) =>
            item(
              <Line colour={RISK_COLOURS[risk]} width={CONFLICT_WIDTHS.active} />,
              t("risk", { risk: tEnum(`riskLevel.${risk}`) }),
              risk,
            ),
          )}
          <li>{t("width")}</li>
          {item(
            <Line
              colour={ALLIANCE_STYLE.colour}
              width={ALLIANCE_STYLE.width}
              dash={ALLIANCE_STYLE.dash}
            />,
            t("alliance"),
          )}
          {item(
            <Line
              colour={ENDED_ALLIANCE_STYLE.colour}
              width={ENDED_ALLIANCE_STYLE.width}
              dash={ENDED_ALLIANCE_STYLE.dash}
            />,
            t("allianceEnded"),
          )}
        </ul>
      </div>
      <p className="text-muted-foreground">{t("open")}</p>
    </section>
  );
}
