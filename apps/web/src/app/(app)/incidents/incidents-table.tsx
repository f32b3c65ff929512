"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { WebRouterOutputs as RouterOutputs } from "@truce/api";
import { INCIDENT_KINDS } from "@truce/db/enum-values";
import { Badge, Button, FilterSelect, Input, Label, QueryTable, useUrlList } from "@truce/ui";
import { RecordChoice } from "~/components/record-picker";
import { useTRPC } from "~/trpc/react";
import { listInput, PAGE_SIZE, readListPlace } from "./list-place";

type Row = RouterOutputs["incident"]["list"]["items"][number];

export function IncidentsTable() {
  const t = useTranslations("incidents");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  const { page, filters, goToPage, setFilters, setFilter } = useUrlList(readListPlace);
  const query = useQuery(
    trpc.incident.list.queryOptions(listInput({ search: "", page, filters }), {
      placeholderData: keepPreviousData,
    }),
  );
  const options = useQuery(trpc.incident.formOptions.queryOptions());

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "when",
        header: t("columns.when"),
        cell: ({ row }) => (
          <Link
            href={`/incidents/${row.original.id}`}
            className="inline-flex min-h-6 items-center font-medium underline-offset-4 hover:underline"
          >
            {format.dateTime(row.original.occurredAt, { dateStyle: "medium", timeStyle: "short" })}
          </Link>
        ),
      },
      {
        id: "kind",
        header: t("columns.kind"),
        cell: ({ row }) => tEnum(`incidentKind.${row.original.kind}`),
      },
      { accessorKey: "district", header: t("columns.district") },
      {
        id: "casualties",
        header: t("columns.casualties"),
        cell: ({ row }) =>
          t("casualties", { dead: row.original.dead, injured: row.original.injured }),
      },
      {
        id: "conflict",
        header: t("columns.conflict"),
        cell: ({ row }) =>
          row.original.conflictId ? (
            <Link
              href={`/conflicts/${row.original.conflictId}`}
              className="inline-flex min-h-6 items-center underline-offset-4 hover:underline"
            >
              {row.original.conflictTitle}
            </Link>
          ) : (
            <span className="text-muted-foreground">{t("noConflict")}</span>
          ),
      },
      {
        id: "review",
        header: t("columns.review"),
        cell: ({ row }) => (
          <Badge variant={row.original.groupInvolvement === "unknown" ? "outline" : "secondary"}>
            {tEnum(`groupInvolvement.${row.original.groupInvolvement}`)}
          </Badge>
        ),
      },
    ],
    [t, tEnum, format],
  );

  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-4">
      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <legend className="sr-only">{t("filters.legend")}</legend>
        <FilterSelect
          id="incident-kind"
          label={t("filters.kind")}
          anyLabel={t("filters.any")}
          value={filters.kind}
          onChange={(value) => setFilter("kind", value)}
          choices={INCIDENT_KINDS.map((kind) => ({
            value: kind,
            label: tEnum(`incidentKind.${kind}`),
          }))}
        />
        <div className="grid gap-1.5">
          <Label htmlFor="incident-from">{t("filters.from")}</Label>
          <Input
            id="incident-from"
            type="date"
            value={filters.from ?? ""}
            onChange={(e) => setFilter("from", e.target.value || undefined)}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="incident-to">{t("filters.to")}</Label>
          <Input
            id="incident-to"
            type="date"
            value={filters.to ?? ""}
            onChange={(e) => setFilter("to", e.target.value || undefined)}
          />
        </div>
        <FilterSelect
          id="incident-district"
          label={t("filters.district")}
          anyLabel={t("filters.any")}
          value={filters.district}
          onChange={(value) => setFilter("district", value)}
          choices={(options.data?.districts ?? []).map((d) => ({ value: d, label: d }))}
        />
        <RecordChoice
          kind="conflict"
          label={t("filters.conflict")}
          value={filters.conflictId}
          onChange={(value) => setFilter("conflictId", value)}
        />
      </fieldset>
      <div className="flex flex-wrap items-center justify-between gap-3">
        {filtered ? (
          <Button type="button" variant="outline" size="sm" onClick={() => setFilters({})}>
            {t("filters.clear")}
          </Button>
        ) : (
          <span />
        )}
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
        emptyMessage={filtered ? t("empty") : t("emptyAll")}
        loadingLabel={t("loading")}
        errorTitle={t("error")}
      />
    </div>
  );
}
