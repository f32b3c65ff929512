import type { CONFLICT_STATUSES, GROUP_STATUSES, RISK_LEVELS } from "@truce/db/enum-values";

// The picture's styles, in one place for the canvas and its legend, so the legend always
// describes what is drawn. Plain colours: the canvas cannot read the page's CSS variables.

/** A conflict's line: its colour says its risk. */
export const RISK_COLOURS: Record<(typeof RISK_LEVELS)[number], string> = {
  low: "#ca8a04",
  medium: "#ea580c",
  high: "#dc2626",
  critical: "#7f1d1d",
};

/** A conflict's line: its width says how heated it is. */
export const CONFLICT_WIDTHS: Record<(typeof CONFLICT_STATUSES)[number], number> = {
  escalating: 7,
  active: 4,
  latent: 2,
  mediated: 2,
  resolved: 1,
};

export const ALLIANCE_STYLE = { colour: "#2563eb", width: 3, dash: [8, 5] } as const;
export const ENDED_ALLIANCE_STYLE = { colour: "#9ca3af", width: 2, dash: [2, 4] } as const;

/** A group's circle: filled when active, pale and dashed when dormant, hollow when dissolved. */
export const GROUP_STYLES: Record<
  (typeof GROUP_STATUSES)[number],
  { fill: string; fillOpacity: number; border: string; borderStyle: "solid" | "dashed" | "dotted" }
> = {
  active: { fill: "#334155", fillOpacity: 1, border: "#0f172a", borderStyle: "solid" },
  dormant: { fill: "#94a3b8", fillOpacity: 0.6, border: "#475569", borderStyle: "dashed" },
  dissolved: { fill: "#ffffff", fillOpacity: 0, border: "#6b7280", borderStyle: "dotted" },
};

/** The smallest and the largest circle, in pixels at zoom 1: the largest has the most members. */
export const NODE_SIZE = { min: 18, max: 56 } as const;

/** A circle's size for its current members, against the group with the most of them. */
export function nodeSize(members: number, most: number): number {
  if (most <= 0) return NODE_SIZE.min;
  return Math.round(NODE_SIZE.min + (NODE_SIZE.max - NODE_SIZE.min) * Math.sqrt(members / most));
}
