"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import {
  Badge,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Skeleton,
  useErrorMessage,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/**
 * What the programme did with a person. Another agency's agency-only intervention shows
 * that it happened (kind, date, agency); its details never reach this browser.
 */
export function InterventionList({ individualId }: { individualId: string }) {
  const t = useTranslations("interventions");
  const tEnum = useTranslations("enums");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useQuery(trpc.intervention.forIndividual.queryOptions({ individualId }));
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {list.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : list.isError ? (
          <ErrorState title={t("error")} description={errorMessage(list.error)} />
        ) : list.data.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="divide-y" aria-label={t("title")}>
            {list.data.map((i) => (
              <li key={i.id} className="space-y-1 py-3" data-testid="intervention">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">
                    {tEnum(`interventionKind.${i.kind}`)}
                    {i.enforcementKind ? ` · ${tEnum(`enforcementKind.${i.enforcementKind}`)}` : ""}
                  </span>
                  <Badge variant="outline">{tEnum(`interventionStatus.${i.status}`)}</Badge>
                  <span className="text-muted-foreground">{i.leadAgencyName}</span>
                  <span className="text-muted-foreground">
                    {format.dateTime(i.occurredAt, { dateStyle: "medium" })}
                  </span>
                </div>
                {i.detailsVisible ? (
                  [i.summary, i.message, i.result].filter(Boolean).map((text) => (
                    <p key={text} className="whitespace-pre-wrap">
                      {text}
                    </p>
                  ))
                ) : (
                  <p className="text-sm text-muted-foreground italic">
                    {t("detailsKept", { agency: i.leadAgencyName })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
