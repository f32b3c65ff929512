"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { WebRouterOutputs as RouterOutputs } from "@truce/api";
import { AGE_FILTERS, INDIVIDUAL_SORTS, SORT_DIRECTIONS } from "@truce/api/schemas/individual";
import { INDIVIDUAL_CATEGORIES, INDIVIDUAL_STATUSES, RISK_LEVELS } from "@truce/db/enum-values";
import {
  Badge,
  Button,
  FilterSelect,
  Input,
  Label,
  NativeSelect,
  QueryTable,
  useUrlList,
} from "@truce/ui";
import { RecordChoice } from "~/components/record-picker";
import { useTRPC } from "~/trpc/react";
import { listInput, PAGE_SIZE, readListPlace } from "./list-place";

type Row = RouterOutputs["individual"]["list"]["items"][number];

export function IndividualsTable() {
  const t = useTranslations("individuals");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  // Search, page, filters and order live in the address: a reload, a link and "back" keep them.
  const list = useUrlList(readListPlace);
  const { search, page, filters, draft, setDraft, goToPage, setFilters, setFilter } = list;

  const query = useQuery(
    trpc.individual.list.queryOptions(listInput({ search, page, filters }), {
      placeholderData: keepPreviousData,
    }),
  );
  const options = useQuery(trpc.individual.formOptions.queryOptions());

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "name",
        header: t("columns.name"),
        cell: ({ row }) => (
          <span className="flex flex-wrap items-center gap-2">
            <Link
              href={`/individuals/${row.original.id}`}
              className="inline-flex min-h-6 items-center font-medium underline-offset-4 hover:underline"
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

  const enumChoices = (values: readonly string[], enumName: string) =>
    values.map((value) => ({ value, label: tEnum(`${enumName}.${value}` as never) }));
  const filtered = Object.keys(filters).some((name) => name !== "sort" && name !== "direction");

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
      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="sr-only">{t("filters.legend")}</legend>
        <FilterSelect
          id="filter-status"
          label={t("filters.status")}
          anyLabel={t("filters.any")}
          value={filters.status}
          onChange={(value) => setFilter("status", value)}
          choices={enumChoices(INDIVIDUAL_STATUSES, "individualStatus")}
        />
        <FilterSelect
          id="filter-riskLevel"
          label={t("filters.risk")}
          anyLabel={t("filters.any")}
          value={filters.riskLevel}
          onChange={(value) => setFilter("riskLevel", value)}
          choices={enumChoices(RISK_LEVELS, "riskLevel")}
        />
        <FilterSelect
          id="filter-category"
          label={t("filters.category")}
          anyLabel={t("filters.any")}
          value={filters.category}
          onChange={(value) => setFilter("category", value)}
          choices={enumChoices(INDIVIDUAL_CATEGORIES, "individualCategory")}
        />
        <FilterSelect
          id="filter-age"
          label={t("filters.age")}
          anyLabel={t("filters.any")}
          value={filters.age}
          onChange={(value) => setFilter("age", value)}
          choices={AGE_FILTERS.map((value) => ({ value, label: t(`filters.ages.${value}`) }))}
        />
        <RecordChoice
          kind="group"
          label={t("filters.group")}
          value={filters.groupId}
          onChange={(value) => setFilter("groupId", value)}
        />
        <FilterSelect
          id="filter-district"
          label={t("filters.district")}
          anyLabel={t("filters.any")}
          value={filters.district}
          onChange={(value) => setFilter("district", value)}
          choices={(options.data?.districts ?? []).map((d) => ({ value: d, label: d }))}
        />
        <FilterSelect
          id="filter-registeringAgencyId"
          label={t("filters.agency")}
          anyLabel={t("filters.any")}
          value={filters.registeringAgencyId}
          onChange={(value) => setFilter("registeringAgencyId", value)}
          choices={(options.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
        <div className="grid gap-1.5">
          <Label htmlFor="individual-order">{t("filters.order")}</Label>
          <NativeSelect
            id="individual-order"
            value={`${filters.sort ?? "name"}:${filters.direction ?? "asc"}`}
            onChange={(event) => {
              const [sort, direction] = event.target.value.split(":") as [
                (typeof INDIVIDUAL_SORTS)[number],
                (typeof SORT_DIRECTIONS)[number],
              ];
              // The default order stays out of the address.
              setFilters({
                ...filters,
                sort: sort === "name" ? undefined : sort,
                direction: direction === "asc" ? undefined : direction,
              });
            }}
          >
            {INDIVIDUAL_SORTS.flatMap((sort) =>
              SORT_DIRECTIONS.map((direction) => (
                <option key={`${sort}:${direction}`} value={`${sort}:${direction}`}>
                  {t(`filters.orders.${sort}.${direction}`)}
                </option>
              )),
            )}
          </NativeSelect>
        </div>
      </fieldset>
      {filtered ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => setFilters({ sort: filters.sort, direction: filters.direction })}
        >
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
        emptyMessage={search || filtered ? t("empty") : t("emptyRegister")}
        loadingLabel={t("loading")}
        errorTitle={t("error")}
      />
    </div>
  );
}
