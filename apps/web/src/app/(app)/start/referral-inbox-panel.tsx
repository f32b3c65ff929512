"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
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
import { START_INBOX_INPUT } from "./inbox-input";

/**
 * The active agency's referral inbox on the start page: the open referrals other agencies
 * sent to it (referral.list, as the referrals page reads it). The list names people and is
 * logged with the session's purpose, so without one the panel asks for it on the referrals
 * page instead of reading.
 */
export function ReferralInboxPanel({ readable }: { readable: boolean }) {
  const t = useTranslations("start.referrals");
  return (
    <Card data-testid="referral-inbox-panel" className="min-w-0">
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {readable ? (
          <InboxRows />
        ) : (
          <p className="text-sm text-muted-foreground">{t("purposeFirst")}</p>
        )}
        <Link href="/referrals" className={buttonVariants({ variant: "outline", size: "sm" })}>
          {t("open")}
        </Link>
      </CardContent>
    </Card>
  );
}

function InboxRows() {
  const t = useTranslations("start.referrals");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const inbox = useQuery(trpc.referral.list.queryOptions(START_INBOX_INPUT));
  if (inbox.isPending) return <LoadingState label={t("loading")} />;
  if (inbox.isError) {
    return (
      <ErrorState
        title={t("error")}
        description={errorMessage(inbox.error)}
        onRetry={() => void inbox.refetch()}
        retryLabel={t("retry")}
      />
    );
  }
  const { items, total } = inbox.data;
  if (items.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <>
      <ul className="divide-y" aria-label={t("title")}>
        {items.map((r) => (
          <li key={r.id} className="space-y-0.5 py-2">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              {r.individualId ? (
                <Link
                  href={`/individuals/${r.individualId}`}
                  className="inline-flex min-h-6 items-center font-medium break-words underline-offset-4 hover:underline"
                >
                  {r.personName}
                </Link>
              ) : (
                <span className="font-medium">{t("personNotVisible")}</span>
              )}
              <Badge variant="outline">{tEnum(`referralStatus.${r.status}`)}</Badge>
            </div>
            <p className="text-sm text-muted-foreground">
              {t("row", {
                service: tEnum(`referralService.${r.service}`),
                from: r.fromAgencyName,
                when: format.dateTime(r.createdAt, { dateStyle: "medium" }),
              })}
            </p>
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <p className="text-sm text-muted-foreground">
          {t("more", { count: total - items.length })}
        </p>
      ) : null}
    </>
  );
}
