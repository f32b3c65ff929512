"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { WebRouterOutputs as RouterOutputs } from "@truce/api";
import { OPEN_REFERRAL_STATUSES, REFERRAL_BOXES } from "@truce/api/schemas/referral";
import { REFERRAL_STATUSES } from "@truce/db/enum-values";
import { Badge, Button, QueryTable, StatusToggles, useUrlList } from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { listInput, PAGE_SIZE, readListPlace } from "./list-place";
import { ReferralSteps } from "./referral-steps";

type Row = RouterOutputs["referral"]["list"]["items"][number];
type Status = (typeof REFERRAL_STATUSES)[number];

/**
 * The agency's referrals: those sent to it (its inbox) or those it sent, by status (the open
 * ones unless others are chosen), newest first, with the steps the agency may take on each.
 * The box, the statuses and the page live in the address.
 */
export function ReferralsTable() {
  const t = useTranslations("referrals");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  const { page, filters, goToPage, setFilters } = useUrlList(readListPlace);
  const query = useQuery(
    trpc.referral.list.queryOptions(listInput({ search: "", page, filters }), {
      placeholderData: keepPreviousData,
    }),
  );
  const box = filters.box ?? "received";

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "person",
        header: t("columns.person"),
        cell: ({ row }) =>
          row.original.individualId ? (
            <Link
              href={`/individuals/${row.original.individualId}`}
              className="inline-flex min-h-6 items-center font-medium break-words underline-offset-4 hover:underline"
            >
              {row.original.personName}
            </Link>
          ) : (
            <span className="text-muted-foreground italic">{t("personNotVisible")}</span>
          ),
      },
      {
        id: "service",
        header: t("columns.service"),
        cell: ({ row }) => (
          <div className="space-y-1">
            <p>{tEnum(`referralService.${row.original.service}`)}</p>
            {row.original.note ? (
              <p className="text-sm break-words whitespace-pre-wrap text-muted-foreground">
                {row.original.note}
              </p>
            ) : null}
          </div>
        ),
      },
      {
        id: "route",
        header: t("columns.route"),
        cell: ({ row }) => (
          <span className="break-words">
            {t("route", { from: row.original.fromAgencyName, to: row.original.toAgencyName })}
          </span>
        ),
      },
      {
        id: "consent",
        header: t("columns.consent"),
        cell: ({ row }) =>
          row.original.consent && row.original.consentOn
            ? t("consentOn", {
                date: format.dateTime(new Date(row.original.consentOn), { dateStyle: "medium" }),
              })
            : t("noConsent"),
      },
      {
        id: "sent",
        header: t("columns.sent"),
        cell: ({ row }) => (
          <time dateTime={row.original.createdAt.toISOString()}>
            {format.dateTime(row.original.createdAt, { dateStyle: "medium" })}
          </time>
        ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) => (
          <Badge variant="outline">{tEnum(`referralStatus.${row.original.status}`)}</Badge>
        ),
      },
      {
        id: "steps",
        header: t("columns.steps"),
        cell: ({ row }) => <ReferralSteps referral={row.original} />,
      },
    ],
    [t, tEnum, format],
  );

  // None chosen is the open ones (the filter leaves the address).
  const chosen: readonly Status[] = filters.status ?? [];

  return (
    <div className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="sr-only">{t("filters.legend")}</legend>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex flex-wrap gap-2" role="group" aria-label={t("box.label")}>
            {REFERRAL_BOXES.map((value) => (
              <Button
                key={value}
                type="button"
                variant={box === value ? "default" : "outline"}
                aria-pressed={box === value}
                onClick={() =>
                  setFilters({ ...filters, box: value === "received" ? undefined : value })
                }
              >
                {t(`box.${value}`)}
              </Button>
            ))}
          </div>
          {query.data ? (
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {t(query.data.totalCapped ? "countCapped" : "count", { total: query.data.total })}
            </p>
          ) : null}
        </div>
        <div className="space-y-1.5">
          <StatusToggles
            label={t("filters.status")}
            statuses={REFERRAL_STATUSES}
            chosen={chosen}
            statusLabel={(status) => tEnum(`referralStatus.${status}`)}
            onChange={(status) => setFilters({ ...filters, status })}
          />
          <p className="text-sm text-muted-foreground">
            {chosen.length === 0
              ? t("filters.openShown", {
                  statuses: OPEN_REFERRAL_STATUSES.map((s) => tEnum(`referralStatus.${s}`)).join(
                    ", ",
                  ),
                })
              : null}
          </p>
        </div>
      </fieldset>
      {chosen.length > 0 ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => setFilters({ ...filters, status: undefined })}
        >
          {t("filters.clear")}
        </Button>
      ) : null}
      <QueryTable
        query={query}
        caption={t(`box.${box}`)}
        columns={columns}
        rows={query.data?.items ?? []}
        getRowId={(row) => row.id}
        pageIndex={page - 1}
        pageSize={PAGE_SIZE}
        total={query.data?.total ?? 0}
        totalCapped={query.data?.totalCapped}
        onPageChange={goToPage}
        emptyMessage={
          chosen.length > 0 ? t("empty") : t(box === "received" ? "emptyReceived" : "emptySent")
        }
        loadingLabel={t("loading")}
        errorTitle={t("error")}
      />
    </div>
  );
}
