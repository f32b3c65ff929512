"use client";

import { type ReactNode } from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type PaginationState,
  type Updater,
} from "@tanstack/react-table";

import { Button } from "./button";
import { cn } from "./lib/utils";
import { Skeleton } from "./skeleton";

export type DataTableLabels = {
  /** Text of the previous-page button. */
  previous: string;
  /** Text of the next-page button. */
  next: string;
  /**
   * "Page 2 of 7"; `current` is 1-based, `total` is at least 1. `capped`: the count stopped
   * at its cap, so there are more pages than `total` ("Page 2 of 400+").
   */
  page: (current: number, total: number, capped: boolean) => string;
  /** "Rows 26–50 of 312"; 1-based and inclusive, not shown when there are no rows. */
  rows?: (from: number, to: number, total: number, capped: boolean) => string;
  /** Announced to screen readers while a page loads ("Loading…"). */
  loading?: string;
  /** Accessible name of the pagination landmark ("Pagination"). */
  pagination?: string;
};

export type DataTableProps<TData> = {
  columns: ColumnDef<TData, unknown>[];
  /** The rows of the current page only: pagination happens on the server. */
  data: TData[];
  /** Zero-based index of the page shown. */
  pageIndex: number;
  pageSize: number;
  /** Number of rows across all pages, or the cap where the count stopped. */
  total: number;
  /** The count stopped at its cap: there are more rows than `total`, past the last page. */
  totalCapped?: boolean;
  /** Called with the zero-based index of the page asked for. */
  onPageChange: (pageIndex: number) => void;
  /** Shows skeleton rows in place of the data (e.g. while the next page loads). */
  isLoading?: boolean;
  /** Shown in place of the rows when `data` is empty. */
  emptyMessage: ReactNode;
  labels: DataTableLabels;
  /** The table's caption: what the table lists. Visually hidden unless `showCaption`. */
  caption?: ReactNode;
  showCaption?: boolean;
  /** Stable row keys (e.g. the record id); defaults to the index. */
  getRowId?: (row: TData, index: number) => string;
  className?: string;
};

/** Skeleton rows never exceed this, so a page size of 100 does not paint a wall. */
const MAX_SKELETON_ROWS = 10;

export function DataTable<TData>({
  columns,
  data,
  pageIndex,
  pageSize,
  total,
  totalCapped = false,
  onPageChange,
  isLoading = false,
  emptyMessage,
  labels,
  caption,
  showCaption = false,
  getRowId,
  className,
}: DataTableProps<TData>) {
  const pagination: PaginationState = { pageIndex, pageSize };

  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId,
    manualPagination: true,
    rowCount: total,
    state: { pagination },
    onPaginationChange: (updater: Updater<PaginationState>) => {
      const next = typeof updater === "function" ? updater(pagination) : updater;
      if (next.pageIndex !== pageIndex) onPageChange(next.pageIndex);
    },
  });

  const pageCount = Math.max(1, table.getPageCount());
  const canPrevious = pageIndex > 0;
  const canNext = pageIndex < pageCount - 1;
  const columnCount = table.getVisibleLeafColumns().length || 1;
  const rows = table.getRowModel().rows;
  const firstRow = pageIndex * pageSize + 1;
  const lastRow = Math.min(total, pageIndex * pageSize + data.length);

  return (
    <div data-slot="data-table" className={cn("flex flex-col gap-3", className)}>
      <div className="overflow-x-auto rounded-lg border bg-card">
        <table
          className="w-full caption-bottom border-collapse text-sm"
          aria-busy={isLoading || undefined}
        >
          {caption ? (
            <caption
              className={cn(showCaption ? "px-4 py-3 text-left text-muted-foreground" : "sr-only")}
            >
              {caption}
            </caption>
          ) : null}
          <thead className="bg-muted/60">
            {table.getHeaderGroups().map((headerGroup) => (
              <tr key={headerGroup.id} className="border-b">
                {headerGroup.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                    className="h-10 px-4 text-left align-middle font-medium whitespace-nowrap text-muted-foreground"
                  >
                    {header.isPlaceholder
                      ? null
                      : flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {isLoading ? (
              Array.from({ length: Math.min(pageSize, MAX_SKELETON_ROWS) }, (_, i) => (
                <tr
                  key={`skeleton-${i}`}
                  data-slot="data-table-skeleton-row"
                  className="border-b last:border-0"
                >
                  {Array.from({ length: columnCount }, (_, j) => (
                    <td key={j} className="px-4 py-3">
                      <Skeleton className="h-4 w-full max-w-48" />
                    </td>
                  ))}
                </tr>
              ))
            ) : rows.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="px-4 py-10 text-center text-muted-foreground">
                  {emptyMessage}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr
                  key={row.id}
                  className="border-b transition-colors last:border-0 hover:bg-muted/40"
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-3 align-middle">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <nav
        aria-label={labels.pagination}
        className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground"
      >
        <p aria-live="polite" className="flex flex-wrap gap-x-4">
          {isLoading && labels.loading ? <span className="sr-only">{labels.loading}</span> : null}
          {labels.rows && data.length > 0 && !isLoading ? (
            <span>{labels.rows(firstRow, lastRow, total, totalCapped)}</span>
          ) : null}
          <span>{labels.page(pageIndex + 1, pageCount, totalCapped)}</span>
        </p>
        <div className="flex items-center gap-2">
          <Button
            variant="outline"
            size="sm"
            onClick={() => table.previousPage()}
            disabled={!canPrevious}
          >
            <ChevronLeft aria-hidden="true" />
            {labels.previous}
          </Button>
          <Button variant="outline" size="sm" onClick={() => table.nextPage()} disabled={!canNext}>
            {labels.next}
            <ChevronRight aria-hidden="true" />
          </Button>
        </div>
      </nav>
    </div>
  );
}
