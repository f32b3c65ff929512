"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { WebRouterOutputs as RouterOutputs } from "@truce/api";
import { Badge, Input, Label, QueryTable, useUrlList } from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { PAGE_SIZE, readListPlace } from "./list-place";

type Row = RouterOutputs["individual"]["list"]["items"][number];

export function IndividualsTable() {
  const t = useTranslations("individuals");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  // Search and page live in the address, so they survive a reload, a link and "back".
  const { search, page, draft, setDraft, goToPage } = useUrlList(readListPlace);

  const query = useQuery(
    trpc.individual.list.queryOptions(
      { search, page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "name",
        header: t("columns.name"),
        cell: ({ row }) => (
          <span className="flex flex-wrap items-center gap-2">
            <Link
              href={`/individuals/${row.original.id}`}
              className="font-medium underline-offset-4 hover:underline"
            >
              {row.original.familyName}, {row.original.givenName}
            </Link>
            {row.original.isMinor ? <Badge variant="warning">{t("minor")}</Badge> : null}
            {row.original.registrationStatus === "pending" ? (
              <Badge variant="outline">{tEnum("registrationStatus.pending")}</Badge>
            ) : null}
          </span>
        ),
      },
      { accessorKey: "district", header: t("columns.district") },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) => tEnum(`individualStatus.${row.original.status}`),
      },
      {
        id: "risk",
        header: t("columns.risk"),
        cell: ({ row }) => (
          <Badge
            variant={
              row.original.riskLevel === "critical" || row.original.riskLevel === "high"
                ? "destructive"
                : "secondary"
            }
          >
            {tEnum(`riskLevel.${row.original.riskLevel}`)}
          </Badge>
        ),
      },
      {
        id: "reviewDue",
        header: t("columns.reviewDue"),
        cell: ({ row }) =>
          format.dateTime(new Date(row.original.reviewDue), { dateStyle: "medium" }),
      },
    ],
    [t, tEnum, format],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid w-full max-w-sm gap-1.5">
          <Label htmlFor="individual-search">{t("search")}</Label>
          <Input
            id="individual-search"
            type="search"
            value={draft}
            placeholder={t("searchPlaceholder")}
            onChange={(event) => setDraft(event.target.value)}
            maxLength={100}
          />
        </div>
        {query.data ? (
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t(query.data.totalCapped ? "countCapped" : "count", { total: query.data.total })}
          </p>
        ) : null}
      </div>
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
        onPageChange={goToPage}
        emptyMessage={search ? t("empty") : t("emptyRegister")}
        loadingLabel={t("loading")}
        errorTitle={t("error")}
      />
    </div>
  );
}
