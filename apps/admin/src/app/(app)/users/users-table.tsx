"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import type { AdminRouterOutputs as RouterOutputs } from "@truce/api";
import { Badge, Input, Label, QueryTable, useUrlList } from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { DisableMembershipButton } from "./disable-membership-button";
import { PAGE_SIZE, readListPlace } from "./list-place";
import { DisableUserButton } from "./disable-user-button";
import { MembershipRoleSelect } from "./membership-role-select";

type Row = RouterOutputs["user"]["list"]["items"][number];

/**
 * The users an admin sees: per membership its role and whether it is disabled, changeable
 * where the API says this admin manages it; and, for a platform admin, the account itself.
 */
export function UsersTable() {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Search and page live in the address, so they survive a reload, a link and "back".
  const { search, page, draft, setDraft, goToPage } = useUrlList(readListPlace);
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
  const mayAppointAdmins = me.data?.platformRoles.includes("platform_admin") ?? false;
  // A whole account spans every agency, so only a platform admin disables it.
  const mayDisableAccounts = me.data?.allowed.includes("user.setDisabled") ?? false;

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
            {row.original.memberships.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <span className="text-sm">{m.agencyName}</span>
                <MembershipRoleSelect
                  membership={m}
                  mayAppointAdmins={mayAppointAdmins}
                  onDone={refresh}
                />
                {m.disabled ? <Badge variant="destructive">{t("membershipDisabled")}</Badge> : null}
                {m.managed ? (
                  <DisableMembershipButton
                    membership={m}
                    userName={row.original.name}
                    onDone={refresh}
                  />
                ) : null}
              </li>
            ))}
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
      ...(mayDisableAccounts
        ? [
            {
              id: "actions",
              header: t("columns.actions"),
              cell: ({ row }) =>
                row.original.id === me.data?.userId ? null : (
                  <DisableUserButton user={row.original} onDone={refresh} />
                ),
            } satisfies ColumnDef<Row>,
          ]
        : []),
    ],
    [t, me.data?.userId, mayAppointAdmins, mayDisableAccounts, refresh],
  );

  return (
    <div className="space-y-4">
      <div className="grid max-w-sm gap-1.5">
        <Label htmlFor="user-search">{t("search")}</Label>
        <Input
          id="user-search"
          type="search"
          value={draft}
          maxLength={100}
          onChange={(e) => setDraft(e.target.value)}
        />
      </div>
      <QueryTable
        query={users}
        caption={t("title")}
        columns={columns}
        rows={users.data?.items ?? []}
        getRowId={(row) => row.id}
        pageIndex={page - 1}
        pageSize={PAGE_SIZE}
        total={users.data?.total ?? 0}
        totalCapped={users.data?.totalCapped}
        onPageChange={goToPage}
        emptyMessage={t("empty")}
        loadingLabel={t("loading")}
        errorTitle={t("error")}
      />
    </div>
  );
}
