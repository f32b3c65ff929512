"use client";

import type { ReactNode } from "react";

export interface FigureRow {
  key: string;
  /** The row's header: a period, an agency. */
  label: ReactNode;
  values: readonly number[];
}

/**
 * A report's table of counts: a header cell per row, a number per column, and an optional
 * total row. On a phone it scrolls sideways on its own, so it takes the keyboard's focus; in
 * print it shows whole.
 */
export function FigureTable({
  id,
  caption,
  rowHeading,
  columns,
  rows,
  total,
  formatNumber,
}: {
  id: string;
  caption: string;
  rowHeading: string;
  columns: ReadonlyArray<{ key: string; label: string; strong?: boolean }>;
  rows: readonly FigureRow[];
  total?: FigureRow;
  formatNumber: (value: number) => string;
}) {
  const cells = (row: FigureRow) =>
    row.values.map((value, i) => (
      <td
        key={columns[i]!.key}
        className={`px-3 py-2 text-right tabular-nums ${columns[i]!.strong ? "font-medium" : ""}`}
      >
        {formatNumber(value)}
      </td>
    ));
  return (
    <div
      role="region"
      aria-labelledby={`${id}-caption`}
      tabIndex={0}
      className="overflow-x-auto rounded-md border focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none print:overflow-visible print:border-0"
    >
      <table className="w-full text-sm">
        <caption id={`${id}-caption`} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-muted/50 text-left">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {rowHeading}
            </th>
            {columns.map((column) => (
              <th key={column.key} scope="col" className="px-3 py-2 text-right font-medium">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t">
              <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                {row.label}
              </th>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot className="border-t-2 font-medium">
            <tr>
              <th scope="row" className="px-3 py-2 text-left">
                {total.label}
              </th>
              {cells(total)}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
