"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import {
  Badge,
  buttonVariants,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ErrorState,
  LoadingState,
  useErrorMessage,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { ReferralInboxPanel } from "./referral-inbox-panel";

const linkClass =
  "inline-flex min-h-6 items-center font-medium break-words underline-offset-4 hover:underline";

/** One part of the start page: a card with its title, what it lists, and a way to the rest. */
function Section({
  title,
  description,
  more,
  testId,
  children,
}: {
  title: string;
  description: string;
  more?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card data-testid={testId} className="min-w-0">
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {children}
        {more}
      </CardContent>
    </Card>
  );
}

/**
 * The signed-in user's start page: the people they worked on lately, their agency's
 * referral inbox, the escalating conflicts and the latest incidents, each linking through to
 * its page (start.overview; the people come from the user's own access-log rows, as the
 * register shows them).
 */
export function StartOverview({ inboxReadable }: { inboxReadable: boolean }) {
  const t = useTranslations("start");
  const tEnum = useTranslations("enums");
  const tl = useTranslations("individuals");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const overview = useQuery(trpc.start.overview.queryOptions());

  if (overview.isPending) return <LoadingState label={t("loading")} />;
  if (overview.isError) {
    return (
      <ErrorState
        title={t("error")}
        description={errorMessage(overview.error)}
        onRetry={() => void overview.refetch()}
        retryLabel={t("retry")}
      />
    );
  }
  const { people, incidents, conflicts } = overview.data;
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section
        testId="start-people"
        title={t("people.title")}
        description={t("people.description")}
        more={
          people.length === 0 ? (
            <Link
              href="/individuals"
              className={buttonVariants({ variant: "outline", size: "sm" })}
            >
              {t("people.toRegister")}
            </Link>
          ) : null
        }
      >
        {people.length === 0 ? (
          <div className="text-sm">
            <p className="font-medium">{t("people.empty")}</p>
            <p className="text-muted-foreground">{t("people.emptyHint")}</p>
          </div>
        ) : (
          <ul className="divide-y" aria-label={t("people.title")}>
            {people.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <Link href={`/individuals/${p.id}`} className={linkClass}>
                  {p.givenName} {p.familyName}
                </Link>
                {p.isMinor ? <Badge variant="warning">{tl("minor")}</Badge> : null}
                <Badge variant="outline">{tEnum(`individualStatus.${p.status}`)}</Badge>
                <span className="text-sm text-muted-foreground">
                  {t("people.touched", { when: when(p.touchedAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <ReferralInboxPanel readable={inboxReadable} />
      <Section
        testId="start-conflicts"
        title={t("conflicts.title")}
        description={t("conflicts.description")}
        more={
          <Link
            href="/conflicts?status=escalating"
            className={buttonVariants({ variant: "outline", size: "sm" })}
          >
            {t("conflicts.all")}
          </Link>
        }
      >
        {conflicts.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("conflicts.empty")}</p>
        ) : (
          <ul className="divide-y" aria-label={t("conflicts.title")}>
            {conflicts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <Link href={`/conflicts/${c.id}`} className={linkClass}>
                  {c.title}
                </Link>
                <Badge
                  variant={
                    c.riskLevel === "critical" || c.riskLevel === "high" ? "destructive" : "outline"
                  }
                >
                  {t("conflicts.risk", { risk: tEnum(`riskLevel.${c.riskLevel}`) })}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section
        testId="start-incidents"
        title={t("incidents.title")}
        description={t("incidents.description")}
        more={
          <Link href="/incidents" className={buttonVariants({ variant: "outline", size: "sm" })}>
            {t("incidents.all")}
          </Link>
        }
      >
        {incidents.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("incidents.empty")}</p>
        ) : (
          <ul className="divide-y" aria-label={t("incidents.title")}>
            {incidents.map((i) => (
              <li key={i.id} className="space-y-0.5 py-2">
                <Link href={`/incidents/${i.id}`} className={linkClass}>
                  {tEnum(`incidentKind.${i.kind}`)}, {when(i.occurredAt)}
                </Link>
                <p className="text-sm text-muted-foreground">
                  {[
                    i.district,
                    t("incidents.casualties", { dead: i.dead, injured: i.injured }),
                    i.conflictTitle,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
