"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { WebRouterOutputs } from "@truce/api";
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
  PageHeader,
  useErrorMessage,
} from "@truce/ui";
import { RecordInterventionLink } from "~/app/(app)/interventions/record-link";
import { SubjectNotes } from "~/components/subject-notes";
import { useTRPC } from "~/trpc/react";
import { partiesBySide } from "../conflicts-table";
import { RiskBadge } from "../risk-badge";
import { StatusDialog } from "./status-dialog";

type Profile = WebRouterOutputs["conflict"]["byId"];

const linkClass = "inline-flex min-h-6 items-center underline-offset-4 hover:underline break-words";

/**
 * A conflict's profile: its record with Edit and the change of status or risk, its parties by
 * side, its incidents and interventions, its history of status and risk with who and when,
 * and the notes on it.
 */
export function ConflictProfile({ id }: { id: string }) {
  const t = useTranslations("conflicts.profile");
  const tEnum = useTranslations("enums");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const profile = useQuery(trpc.conflict.byId.queryOptions({ id }));

  if (profile.isPending) return <LoadingState label={t("loading")} />;
  if (profile.isError) {
    return <ErrorState title={t("error")} description={errorMessage(profile.error)} />;
  }
  const c = profile.data;
  const day = (value: string | null) =>
    value ? format.dateTime(new Date(value), { dateStyle: "medium" }) : t("unknown");
  const facts: [string, ReactNode][] = [
    [t("fields.status"), tEnum(`conflictStatus.${c.status}`)],
    [t("fields.risk"), <RiskBadge key="risk" risk={c.riskLevel} />],
    [t("fields.startedOn"), day(c.startedOn)],
    [t("fields.resolvedOn"), c.resolvedOn ? day(c.resolvedOn) : t("notResolved")],
    [t("fields.description"), c.description ?? t("none")],
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={c.title}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/conflicts/${c.id}/edit`}
              className={buttonVariants({ variant: "outline" })}
            >
              {t("edit")}
            </Link>
            <StatusDialog conflict={c} refetch={() => profile.refetch()} />
            <RecordInterventionLink subject={{ conflictId: c.id }} />
          </div>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("overview")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label} className="min-w-0">
                <dt className="text-sm text-muted-foreground">{label}</dt>
                <dd className="break-words whitespace-pre-line">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Parties parties={c.parties} />
      <Incidents conflict={c} />
      <Interventions conflict={c} />
      <History history={c.history} />
      <SubjectNotes subject={{ conflictId: id }} />
    </div>
  );
}

function Parties({ parties }: { parties: Profile["parties"] }) {
  const t = useTranslations("conflicts.profile");
  const tl = useTranslations("individuals");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("parties")}</CardTitle>
      </CardHeader>
      <CardContent>
        {parties.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noParties")}</p>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            {partiesBySide(parties).map(([side, onSide]) => (
              <section key={side} aria-label={t("sideLabel", { side })}>
                <h3 className="mb-2 font-medium">{t("sideLabel", { side })}</h3>
                <ul className="space-y-1">
                  {onSide.map((p) => (
                    <li key={p.partyId} className="flex flex-wrap items-center gap-2">
                      <Link
                        href={p.kind === "group" ? `/groups/${p.id}` : `/individuals/${p.id}`}
                        className={linkClass}
                      >
                        {p.name}
                      </Link>
                      <Badge variant="outline">{t(`partyKinds.${p.kind}`)}</Badge>
                      {p.isMinor ? <Badge variant="warning">{tl("minor")}</Badge> : null}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function Incidents({ conflict }: { conflict: Profile }) {
  const t = useTranslations("conflicts.profile");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const { incidents, incidentsTotal } = conflict;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("incidents")}</CardTitle>
        {incidentsTotal > incidents.length ? (
          <CardDescription>
            {t("latestOf", { shown: incidents.length, total: incidentsTotal })}
          </CardDescription>
        ) : null}
      </CardHeader>
      <CardContent>
        {incidents.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noIncidents")}</p>
        ) : (
          <ul className="divide-y">
            {incidents.map((i) => (
              <li key={i.id} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2">
                <span className="font-medium">{tEnum(`incidentKind.${i.kind}`)}</span>
                <span className="text-sm text-muted-foreground">
                  {format.dateTime(new Date(i.occurredAt), { dateStyle: "medium" })} · {i.district}
                </span>
                <span className="w-full text-sm">
                  {t("casualties", { dead: i.dead, injured: i.injured })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function Interventions({ conflict }: { conflict: Profile }) {
  const t = useTranslations("conflicts.profile");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const { interventions, interventionsTotal } = conflict;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("interventions")}</CardTitle>
        {interventionsTotal > interventions.length ? (
          <CardDescription>
            {t("latestOf", { shown: interventions.length, total: interventionsTotal })}
          </CardDescription>
        ) : null}
      </CardHeader>
      <CardContent>
        {interventions.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noInterventions")}</p>
        ) : (
          <ul className="divide-y">
            {interventions.map((i) => (
              <li key={i.id} className="space-y-1 py-2">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    className="font-medium underline-offset-4 hover:underline"
                    href={`/interventions/${i.id}`}
                  >
                    {tEnum(`interventionKind.${i.kind}`)}
                    {i.enforcementKind ? ` · ${tEnum(`enforcementKind.${i.enforcementKind}`)}` : ""}
                  </Link>
                  <Badge variant="outline">{tEnum(`interventionStatus.${i.status}`)}</Badge>
                </div>
                <p className="text-sm text-muted-foreground">
                  {format.dateTime(new Date(i.occurredAt), { dateStyle: "medium" })} ·{" "}
                  {i.leadAgencyName}
                </p>
                {i.detailsVisible ? (
                  i.summary ? (
                    <p className="text-sm break-words whitespace-pre-line">{i.summary}</p>
                  ) : null
                ) : (
                  <p className="text-sm text-muted-foreground italic">{t("keptWithinAgency")}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function History({ history }: { history: Profile["history"] }) {
  const t = useTranslations("conflicts.profile");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("history")}</CardTitle>
        <CardDescription>{t("historyHint")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="space-y-3" aria-label={t("history")} data-testid="conflict-history">
          {history.map((h) => {
            const state = t("state", {
              status: tEnum(`conflictStatus.${h.status}`),
              risk: tEnum(`riskLevel.${h.riskLevel}`),
            });
            return (
              <li key={h.id} className="border-l-2 pl-3">
                <p className="font-medium">
                  {h.previousStatus && h.previousRiskLevel
                    ? t("changed", {
                        from: t("state", {
                          status: tEnum(`conflictStatus.${h.previousStatus}`),
                          risk: tEnum(`riskLevel.${h.previousRiskLevel}`),
                        }),
                        to: state,
                      })
                    : t("recorded", { state })}
                </p>
                <p className="text-sm text-muted-foreground">
                  {t("by", {
                    name: h.changedByName ?? t("someone"),
                    agency: h.changedByAgencyName ?? t("noAgency"),
                    at: format.dateTime(new Date(h.changedAt), {
                      dateStyle: "medium",
                      timeStyle: "short",
                    }),
                  })}
                </p>
                {h.reason ? (
                  <p className="text-sm break-words whitespace-pre-line">{h.reason}</p>
                ) : null}
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}
