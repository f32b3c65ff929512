"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import {
  Badge,
  buttonVariants,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  ErrorState,
  LoadingState,
  PageHeader,
  useErrorMessage,
} from "@truce/ui";
import { RecordInterventionLink } from "~/app/(app)/interventions/record-link";
import { useTRPC } from "~/trpc/react";
import { StatusDialog } from "./status-dialog";
import { Connections } from "./connections";
import { NoteForm } from "./note-form";
import { OutcomeDialog } from "./outcome-dialog";
import { ReferDialog } from "./refer-dialog";
import { Timeline } from "./timeline";

/**
 * A person's profile: the shared core, their connections, then their timeline (with the note
 * form) as the agency may see them.
 */
export function IndividualProfile({ id }: { id: string }) {
  const t = useTranslations("profile");
  const tl = useTranslations("individuals");
  const tEnum = useTranslations("enums");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const profile = useQuery(trpc.individual.byId.queryOptions({ id }));

  if (profile.isPending) return <LoadingState label={t("loading")} />;
  if (profile.isError) {
    return <ErrorState title={t("error")} description={errorMessage(profile.error)} />;
  }
  const p = profile.data;
  const facts: [string, string][] = [
    [t("fields.aliases"), p.aliases.length > 0 ? p.aliases.join(", ") : t("none")],
    [t("fields.district"), p.district],
    [t("fields.status"), tEnum(`individualStatus.${p.status}`)],
    [t("fields.risk"), tEnum(`riskLevel.${p.riskLevel}`)],
    [t("fields.supervision"), tEnum(`supervision.${p.supervision}`)],
    [t("fields.category"), tEnum(`individualCategory.${p.category}`)],
    [t("fields.registeredBy"), p.registeringAgencyName],
    [t("fields.reason"), p.registrationReason],
    [t("fields.reviewDue"), format.dateTime(new Date(p.reviewDue), { dateStyle: "medium" })],
    [
      t("fields.location"),
      p.currentLocation ?? (p.protectedLocation ? t("locationProtected") : t("locationUnknown")),
    ],
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${p.givenName} ${p.familyName}`}
        description={
          <span className="flex flex-wrap gap-2">
            {p.isMinor ? <Badge variant="warning">{tl("minor")}</Badge> : null}
            {p.registrationStatus === "pending" ? (
              <Badge variant="outline">{tEnum("registrationStatus.pending")}</Badge>
            ) : null}
            {p.dateOfBirth ? (
              <span>{format.dateTime(new Date(p.dateOfBirth), { dateStyle: "medium" })}</span>
            ) : null}
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/individuals/${p.id}/edit`}
              className={buttonVariants({ variant: "outline" })}
            >
              {t("edit")}
            </Link>
            <StatusDialog person={p} refetch={() => profile.refetch()} />
            <RecordInterventionLink subject={{ individualId: p.id }} />
            <OutcomeDialog person={p} refetch={() => profile.refetch()} />
            <ReferDialog person={{ id: p.id, name: `${p.givenName} ${p.familyName}` }} />
          </div>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("core")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-sm text-muted-foreground">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Connections individualId={id} />
      <Timeline individualId={id}>
        <NoteForm individualId={id} />
      </Timeline>
    </div>
  );
}
