"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import type { RouterOutputs } from "@truce/api";
import { Badge, Input, Label, QueryTable } from "@truce/ui";
import { useTRPC } from "~/trpc/react";

import { PAGE_SIZE } from "./page-size";
type Row = RouterOutputs["individual"]["list"]["items"][number];

function useListParams() {
  const params = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  return { search: (params.get("q") ?? "").trim().slice(0, 100), page };
}

/** The list's URL: search and page live in the address, so they survive reloads and links. */
function listHref(pathname: string, search: string, page: number): string {
  const params = new URLSearchParams();
  if (search) params.set("q", search);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

export function IndividualsTable() {
  const t = useTranslations("individuals");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const { search, page } = useListParams();
  const [draft, setDraft] = useState(search);

  // Search as the user types, once they pause.
  useEffect(() => {
    const wanted = draft.trim();
    if (wanted === search) return;
    const timer = setTimeout(
      () => router.replace(listHref(pathname, wanted, 1), { scroll: false }),
      300,
    );
    return () => clearTimeout(timer);
  }, [draft, search, router, pathname]);

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
              <Badge variant="outline">{t("pending")}</Badge>
            ) : null}
          </span>
        ),
      },
      { accessorKey: "district", header: t("columns.district") },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) => t(`status.${row.original.status}`),
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
            {t(`risk.${row.original.riskLevel}`)}
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
    [t, format],
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
            {t("count", { total: query.data.total })}
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
        onPageChange={(index) =>
          router.replace(listHref(pathname, search, index + 1), { scroll: false })
        }
        emptyMessage={search ? t("empty") : t("emptyRegister")}
        loadingLabel={t("loading")}
        errorTitle={t("error")}
      />
    </div>
  );
}
