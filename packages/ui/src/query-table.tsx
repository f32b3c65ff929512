"use client";

import { useTranslations } from "next-intl";
import { DataTable, type DataTableProps } from "./data-table";
import { useErrorMessage, type ServerError } from "./server-error";
import { ErrorState } from "./states";

export type QueryTableProps<TData> = Omit<
  DataTableProps<TData>,
  "data" | "isLoading" | "labels"
> & {
  /** The query's state, as TanStack Query returns it. */
  query: {
    isPending: boolean;
    isError: boolean;
    error: ServerError | null;
    refetch: () => unknown;
  };
  rows: TData[];
  loadingLabel: string;
  errorTitle: string;
};

/**
 * A server-paged table fed by a query: its loading, empty and error states (with a retry),
 * labelled from the shared "table" messages.
 */
export function QueryTable<TData>({
  query,
  rows,
  loadingLabel,
  errorTitle,
  ...table
}: QueryTableProps<TData>) {
  const t = useTranslations("table");
  const errorMessage = useErrorMessage();
  if (query.isError) {
    return (
      <ErrorState
        title={errorTitle}
        description={query.error ? errorMessage(query.error) : undefined}
        onRetry={() => void query.refetch()}
        retryLabel={t("retry")}
      />
    );
  }
  return (
    <DataTable
      {...table}
      data={rows}
      isLoading={query.isPending}
      labels={{
        previous: t("previous"),
        next: t("next"),
        page: (current, total, capped) => t(capped ? "pageCapped" : "page", { current, total }),
        loading: loadingLabel,
      }}
    />
  );
}
