"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import type { RouterOutputs } from "@truce/api";
import {
  Alert,
  AlertDescription,
  Badge,
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
import { DisableUserButton } from "./disable-user-button";

type Row = RouterOutputs["user"]["list"]["items"][number];
const PAGE_SIZE = 25;

/** The users an admin manages: their memberships' roles and whether they may sign in. */
export function UsersTable() {
  const t = useTranslations("users");
  const tRoles = useTranslations("shell.roles");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState("");
  const me = useQuery(trpc.session.me.queryOptions());
  const users = useQuery(
    trpc.user.list.queryOptions(
      { page, pageSize: PAGE_SIZE, search },
      { placeholderData: keepPreviousData },
    ),
  );
  const refresh = useCallback(
    () => queryClient.invalidateQueries(trpc.user.list.pathFilter()),
    [queryClient, trpc],
  );
  const setRole = useMutation(trpc.membership.setRole.mutationOptions({ onSettled: refresh }));
  const mayAppointAdmins = me.data?.platformRoles.includes("platform_admin") ?? false;

  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: "name",
        header: t("columns.name"),
        cell: ({ row }) => (
          <div>
            <div className="font-medium">{row.original.name}</div>
            <div className="text-sm text-muted-foreground">{row.original.email}</div>
          </div>
        ),
      },
      {
        id: "memberships",
        header: t("columns.memberships"),
        cell: ({ row }) => (
          <ul className="space-y-1">
            {row.original.memberships.map((m) => {
              const own = row.original.id === me.data?.userId;
              const roles =
                mayAppointAdmins || m.role === "agency_admin"
                  ? (["staff", "manager", "agency_admin"] as const)
                  : (["staff", "manager"] as const);
              return (
                <li key={m.id} className="flex items-center gap-2">
                  <span className="text-sm">{m.agencyName}</span>
                  <Select
                    value={m.role}
                    disabled={
                      own || setRole.isPending || (!mayAppointAdmins && m.role === "agency_admin")
                    }
                    onValueChange={(role) =>
                      setRole.mutate({
                        membershipId: m.id,
                        role: role as Row["memberships"][number]["role"],
                        version: m.version,
                      })
                    }
                  >
                    <SelectTrigger
                      className="h-8 w-44"
                      aria-label={t("roleOf", { agency: m.agencyName })}
                    >
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {roles.map((r) => (
                        <SelectItem key={r} value={r}>
                          {tRoles(r)}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                </li>
              );
            })}
          </ul>
        ),
      },
      {
        id: "status",
        header: t("columns.status"),
        cell: ({ row }) => (
          <Badge variant={row.original.disabled ? "destructive" : "success"}>
            {row.original.disabled ? t("disabled") : t("active")}
          </Badge>
        ),
      },
      {
        id: "actions",
        header: t("columns.actions"),
        cell: ({ row }) =>
          row.original.id === me.data?.userId ? null : (
            <DisableUserButton user={row.original} onDone={refresh} />
          ),
      },
    ],
    [t, tRoles, me.data?.userId, mayAppointAdmins, setRole, refresh],
  );

  return (
    <div className="space-y-4">
      <div className="grid max-w-sm gap-1.5">
        <Label htmlFor="user-search">{t("search")}</Label>
        <Input
          id="user-search"
          type="search"
          value={search}
          maxLength={100}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
      </div>
      {setRole.isError ? (
        <Alert variant="destructive">
          <AlertDescription>{setRole.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <QueryTable
        query={users}
        caption={t("title")}
        columns={columns}
        rows={users.data?.items ?? []}
        getRowId={(row) => row.id}
        pageIndex={page - 1}
        pageSize={PAGE_SIZE}
        total={users.data?.total ?? 0}
        onPageChange={(index) => setPage(index + 1)}
        emptyMessage={t("empty")}
        loadingLabel={t("loading")}
        errorTitle={t("error")}
      />
    </div>
  );
}
