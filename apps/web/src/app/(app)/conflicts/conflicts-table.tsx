"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { WebRouterOutputs as RouterOutputs } from "@truce/api";
import { CONFLICT_STATUSES, RISK_LEVELS } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  Button,
  FilterSelect,
  Input,
  Label,
  QueryTable,
  StatusToggles,
  useUrlList,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { listInput, PAGE_SIZE, readListPlace } from "./list-place";
import { RiskBadge } from "./risk-badge";

type Row = RouterOutputs["conflict"]["list"]["items"][number];
type Status = (typeof CONFLICT_STATUSES)[number];

/** The parties of a conflict by side: "Granängen Boys · Kajen Crew" per side, sides apart. */
export function partiesBySide(parties: Row["parties"]): [string, Row["parties"]][] {
  const sides = new Map<string, Row["parties"]>();
  for (const party of parties) sides.set(party.side, [...(sides.get(party.side) ?? []), party]);
  return [...sides.entries()];
}

export function ConflictsTable() {
  const t = useTranslations("conflicts");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  // Search, page and filters live in the address: a reload, a link and "back" keep them.
  const { search, page, filters, draft, setDraft, goToPage, setFilters, setFilter } =
    useUrlList(readListPlace);
  const query = useQuery(
    trpc.conflict.list.queryOptions(listInput({ search, page, filters }), {
      placeholderData: keepPreviousData,
    }),
  );

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "title",
        header: t("columns.title"),
        cell: ({ row }) => (
          <Link
            href={`/conflicts/${row.original.id}`}
            className="inline-flex min-h-6 items-center font-medium break-words underline-offset-4 hover:underline"
          >
            {row.original.title}
          </Link>
        ),
      },
      {
        id: "parties",
        header: t("columns.parties"),
        cell: ({ row }) => (
          <ul className="space-y-0.5">
            {partiesBySide(row.original.parties).map(([side, parties]) => (
              <li key={side} className="break-words">
                <span className="text-muted-foreground">{t("side", { side })}: </span>
                {parties.map((p) => p.name).join(" · ")}
              </li>
            ))}
          </ul>
        ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) => tEnum(`conflictStatus.${row.original.status}`),
      },
      {
        id: "risk",
        header: t("columns.risk"),
        cell: ({ row }) => <RiskBadge risk={row.original.riskLevel} />,
      },
      {
        id: "startedOn",
        header: t("columns.startedOn"),
        cell: ({ row }) =>
          row.original.startedOn
            ? format.dateTime(new Date(row.original.startedOn), { dateStyle: "medium" })
            : t("unknown"),
      },
    ],
    [t, tEnum, format],
  );

  // None chosen is every status (the filter leaves the address).
  const chosen: readonly Status[] = filters.status ?? [];
  const filtered = Object.keys(filters).length > 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid w-full max-w-sm gap-1.5">
          <Label htmlFor="conflict-search">{t("search")}</Label>
          <Input
            id="conflict-search"
            type="search"
            value={draft}
            placeholder={t("searchPlaceholder")}
            onChange={(event) => setDraft(event.target.value)}
            maxLength={FIELD_LIMITS.search.max}
          />
        </div>
        {query.data ? (
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {t(query.data.totalCapped ? "countCapped" : "count", { total: query.data.total })}
          </p>
        ) : null}
      </div>
      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <legend className="sr-only">{t("filters.legend")}</legend>
        <StatusToggles
          label={t("filters.status")}
          statuses={CONFLICT_STATUSES}
          chosen={chosen}
          statusLabel={(status) => tEnum(`conflictStatus.${status}`)}
          onChange={(status) => setFilters({ ...filters, status })}
        />
        <FilterSelect
          id="filter-riskLevel"
          label={t("filters.risk")}
          anyLabel={t("filters.any")}
          value={filters.riskLevel}
          onChange={(value) => setFilter("riskLevel", value)}
          choices={RISK_LEVELS.map((risk) => ({ value: risk, label: tEnum(`riskLevel.${risk}`) }))}
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
