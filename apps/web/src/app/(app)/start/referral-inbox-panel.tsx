"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  buttonVariants,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from "@truce/ui";

/**
 * The active agency's referral inbox on the start page: the referrals other agencies sent to
 * it. A placeholder until the referrals' list procedure (`referral.list`) is here: it shows
 * the empty inbox and the way to the referrals page; wiring it is a matter of reading that
 * list here (the inbox's own filter, a few rows) and listing each with its link.
 */
export function ReferralInboxPanel() {
  const t = useTranslations("start.referrals");
  return (
    <Card data-testid="referral-inbox-panel">
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
        <Link href="/referrals" className={buttonVariants({ variant: "outline", size: "sm" })}>
          {t("open")}
        </Link>
      </CardContent>
    </Card>
  );
}
