"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { WebRouterOutputs } from "@truce/api";
import {
  Badge,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  useErrorMessage,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { EditInterventionDialog } from "./edit-dialog";

export type Intervention = WebRouterOutputs["intervention"]["byId"];

const linkClass = "underline underline-offset-4";

/**
 * An intervention: that it took place (for everyone in the programme), its details where the
 * actor's agency may read them, and its people as far as the agency may see them.
 */
export function InterventionProfile({ id }: { id: string }) {
  const t = useTranslations("interventions");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const found = useQuery(trpc.intervention.byId.queryOptions({ id }));
  if (found.isPending) return <LoadingState label={t("loadingOne")} />;
  if (found.isError) {
    return <ErrorState title={t("errorOne")} description={errorMessage(found.error)} />;
  }
  const i = found.data;
  const when = format.dateTime(i.occurredAt, { dateStyle: "long", timeStyle: "short" });
  const title = i.enforcementKind
    ? `${tEnum(`interventionKind.${i.kind}`)} · ${tEnum(`enforcementKind.${i.enforcementKind}`)}`
    : tEnum(`interventionKind.${i.kind}`);
  const facts: [string, ReactNode][] = [
    [t("fields.status"), tEnum(`interventionStatus.${i.status}`)],
    [t("fields.occurredAt"), when],
    [t("fields.leadAgency"), i.leadAgencyName],
    [t("fields.visibility"), tEnum(`visibility.${i.visibility}`)],
    [
      t("fields.group"),
      i.groupId ? (
        <Link className={linkClass} href={`/groups/${i.groupId}`}>
          {i.groupName}
        </Link>
      ) : (
        t("noGroup")
      ),
    ],
    [
      t("fields.conflict"),
      i.conflictId ? (
        <Link className={linkClass} href={`/conflicts/${i.conflictId}`}>
          {i.conflictTitle}
        </Link>
      ) : (
        t("noConflict")
      ),
    ],
  ];
  if (i.kind === "enforcement") {
    facts.push([
      t("fields.triggeringIncident"),
      i.triggeringIncidentId && i.triggeringIncidentKind && i.triggeringIncidentAt ? (
        <Link className={linkClass} href={`/incidents/${i.triggeringIncidentId}`}>
          {t("profile.incident", {
            kind: tEnum(`incidentKind.${i.triggeringIncidentKind}`),
            date: format.dateTime(i.triggeringIncidentAt, { dateStyle: "medium" }),
          })}
        </Link>
      ) : (
        t("noIncident")
      ),
    ]);
  }
  if (i.detailsVisible && i.channel) {
    facts.push([t("fields.channel"), tEnum(`conversationChannel.${i.channel}`)]);
  }
  if (i.detailsVisible && i.deliveryResult) {
    facts.push([t("fields.deliveryResult"), tEnum(`deliveryResult.${i.deliveryResult}`)]);
  }
  const texts = (
    [
      ["summary", i.summary],
      ["message", i.message],
      ["result", i.result],
    ] as const
  ).filter((entry): entry is ["summary" | "message" | "result", string] => Boolean(entry[1]));
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        description={`${when} · ${i.leadAgencyName}`}
        actions={
          i.editable ? (
            <EditInterventionDialog intervention={i} refetch={() => found.refetch()} />
          ) : null
        }
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("profile.overview")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label} className="min-w-0">
                <dt className="text-sm text-muted-foreground">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
          {i.detailsVisible ? (
            texts.map(([name, text]) => (
              <div key={name}>
                <h3 className="text-sm text-muted-foreground">{t(`fields.${name}`)}</h3>
                <p className="break-words whitespace-pre-wrap">{text}</p>
              </div>
            ))
          ) : (
            <p className="text-sm text-muted-foreground italic" data-testid="details-kept">
              {t("profile.detailsKept", { agency: i.leadAgencyName })}
            </p>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">
            {i.kind === "call_in" ? t("people.invited") : t("people.title")}
          </CardTitle>
        </CardHeader>
        <CardContent>
          {i.participants.length === 0 ? (
            <EmptyState title={t("people.none")} />
          ) : (
            <ul className="divide-y" aria-label={t("people.title")}>
              {i.participants.map((p) => (
                <li key={p.participantId} className="flex flex-wrap items-center gap-2 py-2">
                  <Link
                    className="font-medium underline-offset-4 hover:underline"
                    href={`/individuals/${p.id}`}
                  >
                    {p.givenName} {p.familyName}
                  </Link>
                  <Badge variant={p.response ? "secondary" : "outline"}>
                    {p.response
                      ? tEnum(`participantResponse.${p.response}`)
                      : t("people.noResponse")}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      {i.kind === "call_in" ? (
        <div className="grid gap-6 md:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("agencies.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              {i.agencies.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("agencies.none")}</p>
              ) : (
                <ul className="list-inside list-disc">
                  {i.agencies.map((a) => (
                    <li key={a.id}>{a.name}</li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t("speakers.title")}</CardTitle>
            </CardHeader>
            <CardContent>
              {!i.detailsVisible ? (
                <p className="text-sm text-muted-foreground italic">
                  {t("profile.detailsKept", { agency: i.leadAgencyName })}
                </p>
              ) : i.speakers.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("speakers.empty")}</p>
              ) : (
                <ul className="space-y-1">
                  {i.speakers.map((s) => (
                    <li key={s.id} className="break-words">
                      <span className="font-medium">{s.name}</span>
                      <span className="text-muted-foreground">
                        {" "}
                        · {s.role}
                        {s.agencyName ? ` · ${s.agencyName}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
