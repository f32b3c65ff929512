"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { WebRouterOutputs as RouterOutputs } from "@truce/api";
import { GROUP_STATUSES } from "@truce/db/enum-values";
import { Badge, Button, FilterSelect, Input, Label, QueryTable, useUrlList } from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { listInput, PAGE_SIZE, readListPlace } from "./list-place";

type Row = RouterOutputs["group"]["list"]["items"][number];

export function GroupsTable() {
  const t = useTranslations("groups");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  // Search, page and filters live in the address: a reload, a link and "back" keep them.
  const { search, page, filters, draft, setDraft, goToPage, setFilters, setFilter } =
    useUrlList(readListPlace);

  const query = useQuery(
    trpc.group.list.queryOptions(listInput({ search, page, filters }), {
      placeholderData: keepPreviousData,
    }),
  );

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "name",
        header: t("columns.name"),
        cell: ({ row }) => (
          <span className="flex flex-col gap-0.5">
            <Link
              href={`/groups/${row.original.id}`}
              className="inline-flex min-h-6 items-center font-medium break-words underline-offset-4 hover:underline"
            >
              {row.original.name}
            </Link>
            {row.original.aliases.length > 0 ? (
              <span className="text-sm break-words text-muted-foreground">
                {row.original.aliases.join(", ")}
              </span>
            ) : null}
          </span>
        ),
      },
      { accessorKey: "area", header: t("columns.area") },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) => (
          <Badge variant={row.original.status === "active" ? "secondary" : "outline"}>
            {tEnum(`groupStatus.${row.original.status}`)}
          </Badge>
        ),
      },
      {
        id: "members",
        header: t("columns.members"),
        cell: ({ row }) => row.original.memberCount,
      },
    ],
    [t, tEnum],
  );

  // The area in the address stays a choice even before the list has loaded its areas.
  const areas = [
    ...new Set([...(query.data?.areas ?? []), ...(filters.area ? [filters.area] : [])]),
  ];
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid w-full max-w-sm gap-1.5">
          <Label htmlFor="group-search">{t("search")}</Label>
          <Input
            id="group-search"
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
      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="sr-only">{t("filters.legend")}</legend>
        <FilterSelect
          id="group-filter-status"
          label={t("filters.status")}
          anyLabel={t("filters.any")}
          value={filters.status}
          onChange={(value) => setFilter("status", value)}
          choices={GROUP_STATUSES.map((value) => ({
            value,
            label: tEnum(`groupStatus.${value}`),
          }))}
        />
        <FilterSelect
          id="group-filter-area"
          label={t("filters.area")}
          anyLabel={t("filters.any")}
          value={filters.area}
          onChange={(value) => setFilter("area", value)}
          choices={areas.map((area) => ({ value: area, label: area }))}
        />
      </fieldset>
      {filtered ? (
        <Button type="button" variant="outline" size="sm" onClick={() => setFilters({})}>
          {t("filters.clear")}
        </Button>
      ) : null}
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
        emptyMessage={search || filtered ? t("empty") : t("emptyList")}
        loadingLabel={t("loading")}
        errorTitle={t("error")}
      />
    </div>
  );
}
