"use client";

import { useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { AdminRouterOutputs as RouterOutputs } from "@truce/api";
import { Badge, QueryTable } from "@truce/ui";
import { useTRPC } from "~/trpc/react";

type Row = RouterOutputs["agency"]["list"][number];

export function AgenciesTable() {
  const t = useTranslations("agencies");
  const tKind = useTranslations("enums.agencyKind");
  const format = useFormatter();
  const trpc = useTRPC();
  const query = useQuery(trpc.agency.list.queryOptions());

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      { accessorKey: "name", header: t("columns.name") },
      { id: "kind", header: t("columns.kind"), cell: ({ row }) => tKind(row.original.kind) },
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
    [t, tKind, format],
  );

  const rows = query.data ?? [];
  return (
    <QueryTable
      query={query}
      caption={t("title")}
      columns={columns}
      rows={rows}
      getRowId={(row) => row.id}
      pageIndex={0}
      pageSize={Math.max(rows.length, 1)}
      total={rows.length}
      onPageChange={() => {}}
      emptyMessage={t("empty")}
      loadingLabel={t("loading")}
      errorTitle={t("error")}
    />
  );
}
