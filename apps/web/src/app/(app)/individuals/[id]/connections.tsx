"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { WebRouterOutputs } from "@truce/api";
import {
  Badge,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  ErrorState,
  Skeleton,
  useErrorMessage,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

type Connections = WebRouterOutputs["individual"]["connections"];

/** Whom a person is tied to: their groups, the conflicts they are in, their open referrals. */
export function Connections({ individualId }: { individualId: string }) {
  const t = useTranslations("connections");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const query = useQuery(trpc.individual.connections.queryOptions({ individualId }));

  if (query.isError) {
    return (
      <ErrorState
        title={t("error")}
        description={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
        retryLabel={t("retry")}
      />
    );
  }
  const data = query.data;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Section
        title={t("groups.title")}
        emptyText={t("groups.empty")}
        pending={!data}
        empty={data?.groups.length === 0}
      >
        {data ? <GroupList groups={data.groups} /> : null}
      </Section>
      <Section
        title={t("conflicts.title")}
        emptyText={t("conflicts.empty")}
        pending={!data}
        empty={data?.conflicts.length === 0}
      >
        {data ? <ConflictList conflicts={data.conflicts} /> : null}
      </Section>
      <Section
        title={t("referrals.title")}
        emptyText={t("referrals.empty")}
        pending={!data}
        empty={data?.openReferrals.length === 0}
      >
        {data ? <ReferralList referrals={data.openReferrals} /> : null}
      </Section>
    </div>
  );
}

function Section({
  title,
  emptyText,
  pending,
  empty,
  children,
}: {
  title: string;
  emptyText: string;
  pending: boolean;
  empty: boolean | undefined;
  children: ReactNode;
}) {
  const t = useTranslations("connections");
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {pending ? (
          <div role="status" aria-label={t("loading")} className="space-y-2">
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        ) : empty ? (
          <p className="text-sm text-muted-foreground">{emptyText}</p>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
}

function GroupList({ groups }: { groups: Connections["groups"] }) {
  const t = useTranslations("connections.groups");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const day = (date: string) => format.dateTime(new Date(date), { dateStyle: "medium" });
  const period = (g: Connections["groups"][number]) =>
    g.fromOn && g.toOn
      ? t("period", { from: day(g.fromOn), to: day(g.toOn) })
      : g.fromOn
        ? t("since", { from: day(g.fromOn) })
        : g.toOn
          ? t("until", { to: day(g.toOn) })
          : t("unknownPeriod");
  return (
    <ul className="divide-y" aria-label={t("title")}>
      {groups.map((g) => (
        <li key={`${g.groupId}:${g.fromOn ?? ""}`} className="space-y-1 py-2 first:pt-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium break-words">{g.name}</span>
            <Badge variant={g.current ? "secondary" : "outline"}>
              {g.current ? t("current") : t("past")}
            </Badge>
          </div>
          <p className="text-sm text-muted-foreground">
            {tEnum(`affiliation.${g.affiliation}`)} · {tEnum(`groupStatus.${g.status}`)} ·{" "}
            {period(g)}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ConflictList({ conflicts }: { conflicts: Connections["conflicts"] }) {
  const t = useTranslations("connections.conflicts");
  const tEnum = useTranslations("enums");
  return (
    <ul className="divide-y" aria-label={t("title")}>
      {conflicts.map((c) => (
        <li
          key={`${c.conflictId}:${c.throughGroup?.id ?? "direct"}`}
          className="space-y-1 py-2 first:pt-0"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium break-words">{c.title}</span>
            <Badge variant="outline">{tEnum(`conflictStatus.${c.status}`)}</Badge>
            <Badge variant={c.riskLevel === "critical" ? "warning" : "outline"}>
              {t("risk", { risk: tEnum(`riskLevel.${c.riskLevel}`) })}
            </Badge>
          </div>
          <p className="text-sm break-words text-muted-foreground">
            {t("side", { side: c.side })} ·{" "}
            {c.throughGroup ? t("through", { group: c.throughGroup.name }) : t("direct")}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ReferralList({ referrals }: { referrals: Connections["openReferrals"] }) {
  const t = useTranslations("connections.referrals");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  return (
    <ul className="divide-y" aria-label={t("title")}>
      {referrals.map((r) => {
        const route = { from: r.fromAgencyName, to: r.toAgencyName };
        return (
          <li key={r.id} className="space-y-1 py-2 first:pt-0">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{tEnum(`referralService.${r.service}`)}</span>
              <Badge variant="outline">{tEnum(`referralStatus.${r.status}`)}</Badge>
            </div>
            <p className="text-sm break-words text-muted-foreground">
              {t("route", route)} ·{" "}
              {t("sent", { date: format.dateTime(r.createdAt, { dateStyle: "medium" }) })}
            </p>
            {r.noteVisible ? (
              r.note ? (
                <p className="text-sm break-words whitespace-pre-wrap">{r.note}</p>
              ) : null
            ) : (
              <p className="text-sm text-muted-foreground italic">{t("noteKept", route)}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
