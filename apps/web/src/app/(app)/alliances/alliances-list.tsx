"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { WebRouterOutputs } from "@truce/api";
import { Badge, QueryTable } from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { EndAllianceDialog } from "./end-alliance-dialog";

type Row = WebRouterOutputs["alliance"]["list"]["items"][number];

/** Rows per page; the first page is what the server prefetches. */
const PAGE_SIZE = 25;
export const LIST_INPUT = { page: 1, pageSize: PAGE_SIZE };

const linkClass = "inline-flex min-h-6 items-center underline-offset-4 hover:underline break-words";

/** The alliances, those in force first, each open one with its End. */
export function AlliancesList() {
  const t = useTranslations("conflicts.alliances");
  const format = useFormatter();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const input = { ...LIST_INPUT, page };
  const query = useQuery(
    trpc.alliance.list.queryOptions(input, { placeholderData: keepPreviousData }),
  );
  const refetch = query.refetch;
  const columns = useMemo<ColumnDef<Row>[]>(() => {
    const day = (value: string | null) =>
      value ? format.dateTime(new Date(value), { dateStyle: "medium" }) : t("unknown");
    return [
      {
        id: "groups",
        header: t("columns.groups"),
        cell: ({ row }) => (
          <span className="flex flex-wrap items-center gap-x-2">
            <Link href={`/groups/${row.original.groupA.id}`} className={linkClass}>
              {row.original.groupA.name}
            </Link>
            <span aria-hidden="true">·</span>
            <Link href={`/groups/${row.original.groupB.id}`} className={linkClass}>
              {row.original.groupB.name}
            </Link>
          </span>
        ),
      },
      {
        id: "period",
        header: t("columns.period"),
        cell: ({ row }) =>
          row.original.toOn
            ? t("period", { from: day(row.original.fromOn), to: day(row.original.toOn) })
            : t("since", { from: day(row.original.fromOn) }),
      },
      {
        id: "state",
        header: t("columns.state"),
        cell: ({ row }) =>
          row.original.inForce ? (
            <Badge variant="success">{t("inForce")}</Badge>
          ) : (
            <Badge variant="secondary">{t("ended")}</Badge>
          ),
      },
      {
        id: "note",
        header: t("columns.note"),
        cell: ({ row }) => <span className="break-words">{row.original.note ?? ""}</span>,
      },
      {
        id: "actions",
        header: t("columns.actions"),
        cell: ({ row }) =>
          row.original.toOn === null ? (
            <EndAllianceDialog alliance={row.original} refetch={() => refetch()} />
          ) : null,
      },
    ];
  }, [t, format, refetch]);
  return (
    <QueryTable
      query={query}
      caption={t("title")}
      columns={columns}
      rows={query.data?.items ?? []}
      getRowId={(row) => row.id}
      pageIndex={page - 1}
      pageSize={PAGE_SIZE}
      total={query.data?.total ?? 0}
      totalCapped={query.data?.totalCapped}
      onPageChange={(index) => setPage(index + 1)}
      emptyMessage={t("empty")}
      loadingLabel={t("loading")}
      errorTitle={t("error")}
    />
  );
}
