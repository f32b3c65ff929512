"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import {
  Badge,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  ErrorState,
  LoadingState,
  useErrorMessage,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/** One note, opened by its address: the server refuses another agency's agency-only note. */
export function NoteView({ id }: { id: string }) {
  const t = useTranslations("notes");
  const tEnum = useTranslations("enums");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const query = useQuery(trpc.note.byId.queryOptions({ id }, { retry: false }));
  if (query.isPending) return <LoadingState label={t("loading")} />;
  if (query.isError) {
    const code = query.error.data?.code;
    return (
      <ErrorState
        title={
          code === "FORBIDDEN" ? t("refused") : code === "NOT_FOUND" ? t("missing") : t("error")
        }
        description={errorMessage(query.error)}
      />
    );
  }
  const n = query.data;
  return (
    <Card className="max-w-3xl">
      <CardHeader>
        <CardTitle as="h1">{t("one")}</CardTitle>
        <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <Badge variant="secondary">{tEnum(`noteKind.${n.kind}`)}</Badge>
          <Badge variant="outline">{tEnum(`visibility.${n.visibility}`)}</Badge>
          <span>{n.authorAgencyName}</span>
          <span>{format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="whitespace-pre-wrap">{n.body}</p>
        {n.individualId ? (
          <Link className="underline underline-offset-4" href={`/individuals/${n.individualId}`}>
            {t("backToPerson")}
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}
