"use client";

import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/**
 * The charts' colours, in order, for series that are told apart by colour and by the legend
 * (the table beside each chart carries every figure, so no one needs the colours to read it).
 */
export const CHART_COLOURS = [
  "#1d4ed8",
  "#dc2626",
  "#d97706",
  "#059669",
  "#7c3aed",
  "#475569",
] as const;

export interface BarChartProps {
  /** One entry per bar (a period), its category under `categoryKey`, a number per series. */
  data: ReadonlyArray<Record<string, string | number>>;
  categoryKey: string;
  /** The series stacked in each bar, each with its label in the legend and the tooltip. */
  series: ReadonlyArray<{ key: string; label: string }>;
  /** A line across the chart at one category, with its label: the programme's start. */
  marker?: { at: string; label: string } | null;
  /** How a number is written (the locale's). */
  formatNumber: (value: number) => string;
  /** How a category is written under its bar (a period's name). */
  formatCategory?: (category: string) => string;
  /** What the chart shows, for a screen reader: the table beside it carries the figures. */
  label: string;
  height?: number;
}

/**
 * A stacked bar chart (Recharts): a bar per period, a segment per series, and an optional
 * marker line. It is a picture of the table beside it, so it is one labelled image to a
 * screen reader, not something to tab through.
 */
export function BarChart({
  data,
  categoryKey,
  series,
  marker,
  formatNumber,
  formatCategory = (category) => category,
  label,
  height = 320,
}: BarChartProps) {
  return (
    <div role="img" aria-label={label} className="w-full text-xs" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <RechartsBarChart
          data={data as Record<string, string | number>[]}
          margin={{ top: 24, right: 8, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis
            dataKey={categoryKey}
            tickFormatter={(value: string) => formatCategory(value)}
            tick={{ fill: "#334155" }}
          />
          <YAxis
            allowDecimals={false}
            width={40}
            tickFormatter={(value: number) => formatNumber(value)}
            tick={{ fill: "#334155" }}
          />
          <Tooltip
            formatter={(value) => (typeof value === "number" ? formatNumber(value) : value)}
            labelFormatter={(value) => formatCategory(String(value))}
          />
          <Legend wrapperStyle={{ color: "#334155" }} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="bars"
              fill={CHART_COLOURS[i % CHART_COLOURS.length]}
              isAnimationActive={false}
            />
          ))}
          {marker ? (
            <ReferenceLine
              x={marker.at}
              stroke="#0f172a"
              strokeDasharray="4 3"
              strokeWidth={2}
              label={{ value: marker.label, position: "top", fill: "#0f172a" }}
            />
          ) : null}
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface StepChartProps {
  /** The steps in order, each with its label and its count. */
  steps: ReadonlyArray<{ key: string; label: string; value: number }>;
  formatNumber: (value: number) => string;
  /** What the chart shows, for a screen reader: the table beside it carries the figures. */
  label: string;
}

/**
 * A funnel as horizontal bars (Recharts): a bar per step, from the top, each as long as its
 * count, the count written at its end. One labelled image to a screen reader, as BarChart.
 */
export function StepChart({ steps, formatNumber, label }: StepChartProps) {
  const height = 48 + steps.length * 44;
  return (
    <div role="img" aria-label={label} className="w-full text-xs" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <RechartsBarChart
          data={steps.map((s) => ({ ...s }))}
          layout="vertical"
          margin={{ top: 8, right: 48, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis
            type="number"
            allowDecimals={false}
            tickFormatter={(value: number) => formatNumber(value)}
            tick={{ fill: "#334155" }}
          />
          <YAxis type="category" dataKey="label" width={150} tick={{ fill: "#334155" }} />
          <Tooltip
            formatter={(value) => (typeof value === "number" ? formatNumber(value) : value)}
          />
          <Bar dataKey="value" name={label} fill={CHART_COLOURS[0]} isAnimationActive={false}>
            <LabelList
              dataKey="value"
              position="right"
              fill="#0f172a"
              formatter={(value: unknown) => (typeof value === "number" ? formatNumber(value) : "")}
            />
          </Bar>
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}
