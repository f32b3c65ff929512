"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { RouterOutputs } from "@truce/api";
import { Badge, DataTable, ErrorState } from "@truce/ui";
import { useTRPC } from "~/trpc/react";

type Row = RouterOutputs["agency"]["list"][number];

export function AgenciesTable() {
  const t = useTranslations("agencies");
  const tTable = useTranslations("table");
  const format = useFormatter();
  const trpc = useTRPC();
  const query = useQuery(trpc.agency.list.queryOptions());

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { accessorKey: "name", header: t("columns.name") },
      { id: "kind", header: t("columns.kind"), cell: ({ row }) => t(`kind.${row.original.kind}`) },
      {
        id: "active",
        header: t("columns.active"),
        cell: ({ row }) => (
          <Badge variant={row.original.active ? "success" : "secondary"}>
            {row.original.active ? t("activeYes") : t("activeNo")}
          </Badge>
        ),
      },
      {
        id: "members",
        header: t("columns.members"),
        cell: ({ row }) => format.number(row.original.memberCount),
      },
    ],
    [t, format],
  );

  if (query.isError) {
    return (
      <ErrorState
        title={t("error")}
        description={query.error.message}
        onRetry={() => void query.refetch()}
        retryLabel={t("retry")}
      />
    );
  }
  const rows = query.data ?? [];
  return (
    <DataTable
      caption={t("title")}
      columns={columns}
      data={rows}
      getRowId={(row) => row.id}
      pageIndex={0}
      pageSize={Math.max(rows.length, 1)}
      total={rows.length}
      isLoading={query.isPending}
      onPageChange={() => {}}
      emptyMessage={t("empty")}
      labels={{
        previous: tTable("previous"),
        next: tTable("next"),
        page: (current, total) => tTable("page", { current, total }),
        loading: t("loading"),
      }}
    />
  );
}
