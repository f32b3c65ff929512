"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type {
  AdminRouterInputs as RouterInputs,
  AdminRouterOutputs as RouterOutputs,
} from "@truce/api";
import { ACCESS_ACTIONS } from "@truce/db/enum-values";
import {
  Input,
  Label,
  QueryTable,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

type Row = RouterOutputs["accessLog"]["list"]["items"][number];
type LogAction = NonNullable<RouterInputs["accessLog"]["list"]["action"]>;
const PAGE_SIZE = 50;
const ALL = "all";

/** The access log for the auditor: newest first, filterable by action and record. */
export function AccessLogTable() {
  const t = useTranslations("accessLog");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<LogAction | typeof ALL>(ALL);
  const [entityId, setEntityId] = useState("");
  const log = useQuery(
    trpc.accessLog.list.queryOptions(
      {
        page,
        pageSize: PAGE_SIZE,
        action: action === ALL ? undefined : action,
        entityId: entityId.trim() || undefined,
      },
      { placeholderData: keepPreviousData },
    ),
  );

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "at",
        header: t("columns.at"),
        cell: ({ row }) =>
          format.dateTime(row.original.at, { dateStyle: "short", timeStyle: "medium" }),
      },
      { id: "who", header: t("columns.who"), cell: ({ row }) => row.original.userEmail ?? "—" },
      {
        id: "agency",
        header: t("columns.agency"),
        cell: ({ row }) => row.original.agencyName ?? "—",
      },
      {
        id: "action",
        header: t("columns.action"),
        cell: ({ row }) => tEnum(`accessAction.${row.original.action}`),
      },
      {
        id: "record",
        header: t("columns.record"),
        cell: ({ row }) =>
          row.original.entityType ? (
            <span className="font-mono text-xs">
              {row.original.entityType} {row.original.entityId}
            </span>
          ) : (
            "—"
          ),
      },
      {
        id: "purpose",
        header: t("columns.purpose"),
        cell: ({ row }) =>
          row.original.purpose ? tEnum(`accessPurpose.${row.original.purpose}`) : "—",
      },
      {
        id: "fields",
        header: t("columns.fields"),
        cell: ({ row }) => row.original.fields?.join(", ") ?? "—",
      },
    ],
    [t, tEnum, format],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div className="grid gap-1.5">
          <Label htmlFor="log-action">{t("filterAction")}</Label>
          <Select
            value={action}
            onValueChange={(value) => {
              setAction(value as LogAction | typeof ALL);
              setPage(1);
            }}
          >
            <SelectTrigger id="log-action" className="w-48">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("allActions")}</SelectItem>
              {ACCESS_ACTIONS.map((a) => (
                <SelectItem key={a} value={a}>
                  {tEnum(`accessAction.${a}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="log-record">{t("filterRecord")}</Label>
          <Input
            id="log-record"
            className="w-80 font-mono"
            value={entityId}
            maxLength={100}
            onChange={(e) => {
              setEntityId(e.target.value);
              setPage(1);
            }}
          />
        </div>
      </div>
      <QueryTable
        query={log}
        caption={t("title")}
        columns={columns}
        rows={log.data?.items ?? []}
        getRowId={(row) => String(row.id)}
        pageIndex={page - 1}
        pageSize={PAGE_SIZE}
        total={log.data?.total ?? 0}
        totalCapped={log.data?.totalCapped}
        onPageChange={(index) => setPage(index + 1)}
        emptyMessage={t("empty")}
        loadingLabel={t("loading")}
        errorTitle={t("error")}
      />
    </div>
  );
}
