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
import { Members } from "./members";
import { usePeriod } from "./period";

type Profile = WebRouterOutputs["group"]["byId"];

/**
 * A group's profile: its record, its members (current first), the conflicts it is in, its
 * alliances, the incidents it is a party to, and the notes on it as the agency may read them.
 */
export function GroupProfile({ id }: { id: string }) {
  const t = useTranslations("groups.profile");
  const tEnum = useTranslations("enums");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const profile = useQuery(trpc.group.byId.queryOptions({ id }));

  if (profile.isPending) return <LoadingState label={t("loading")} />;
  if (profile.isError) {
    return <ErrorState title={t("error")} description={errorMessage(profile.error)} />;
  }
  const g = profile.data;
  const facts: [string, string][] = [
    [t("fields.area"), g.area],
    [t("fields.status"), tEnum(`groupStatus.${g.status}`)],
    [t("fields.aliases"), g.aliases.length > 0 ? g.aliases.join(", ") : t("none")],
    [t("fields.description"), g.description ?? t("none")],
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={g.name}
        description={
          <span className="flex flex-wrap gap-2">
            <Badge variant={g.status === "active" ? "secondary" : "outline"}>
              {tEnum(`groupStatus.${g.status}`)}
            </Badge>
            <span>{g.area}</span>
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/groups/${g.id}/edit`} className={buttonVariants({ variant: "outline" })}>
              {t("edit")}
            </Link>
            <RecordInterventionLink subject={{ groupId: g.id }} />
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
                <dd className="break-words whitespace-pre-wrap">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Members group={g} refetch={() => profile.refetch()} />
      <div className="grid gap-4 lg:grid-cols-3">
        <Section
          title={t("conflicts.title")}
          empty={g.conflicts.length === 0 && t("conflicts.empty")}
        >
          <ConflictList conflicts={g.conflicts} />
        </Section>
        <Section
          title={t("alliances.title")}
          empty={g.alliances.length === 0 && t("alliances.empty")}
        >
          <AllianceList alliances={g.alliances} />
        </Section>
        <Section
          title={t("incidents.title")}
          description={
            g.incidentsTotal > g.incidents.length
              ? t("incidents.latestOf", { shown: g.incidents.length, total: g.incidentsTotal })
              : undefined
          }
          empty={g.incidents.length === 0 && t("incidents.empty")}
        >
          <IncidentList incidents={g.incidents} />
        </Section>
      </div>
      <SubjectNotes subject={{ groupId: g.id }} />
    </div>
  );
}

function Section({
  title,
  description,
  empty,
  children,
}: {
  title: string;
  /** Beside the title: that the list shows only the latest, say. */
  description?: string;
  /** What to say instead of the list when it is empty; false when it is not. */
  empty: string | false;
  children: ReactNode;
}) {
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>
        {empty ? <p className="text-sm text-muted-foreground">{empty}</p> : children}
      </CardContent>
    </Card>
  );
}

const linkClass =
  "inline-flex min-h-6 items-center font-medium break-words underline-offset-4 hover:underline";

function ConflictList({ conflicts }: { conflicts: Profile["conflicts"] }) {
  const t = useTranslations("groups.profile.conflicts");
  const tEnum = useTranslations("enums");
  return (
    <ul className="divide-y" aria-label={t("title")}>
      {conflicts.map((c) => (
        <li key={c.conflictId} className="space-y-1 py-2 first:pt-0">
          <Link href={`/conflicts/${c.conflictId}`} className={linkClass}>
            {c.title}
          </Link>
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant="outline">{tEnum(`conflictStatus.${c.status}`)}</Badge>
            <Badge variant={c.riskLevel === "critical" ? "warning" : "outline"}>
              {t("risk", { risk: tEnum(`riskLevel.${c.riskLevel}`) })}
            </Badge>
          </div>
          <p className="text-sm break-words text-muted-foreground">{t("side", { side: c.side })}</p>
        </li>
      ))}
    </ul>
  );
}

function AllianceList({ alliances }: { alliances: Profile["alliances"] }) {
  const t = useTranslations("groups.profile.alliances");
  const tEnum = useTranslations("enums");
  const period = usePeriod();
  return (
    <ul className="divide-y" aria-label={t("title")}>
      {alliances.map((a) => (
        <li key={a.id} className="space-y-1 py-2 first:pt-0">
          <Link href={`/groups/${a.groupId}`} className={linkClass}>
            {a.name}
          </Link>
          <p className="text-sm text-muted-foreground">
            {tEnum(`groupStatus.${a.status}`)} · {period(a.fromOn, a.toOn)}
          </p>
        </li>
      ))}
    </ul>
  );
}

function IncidentList({ incidents }: { incidents: Profile["incidents"] }) {
  const t = useTranslations("groups.profile.incidents");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  return (
    <ul className="divide-y" aria-label={t("title")}>
      {incidents.map((i) => (
        <li key={i.id} className="space-y-1 py-2 first:pt-0">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-medium">{tEnum(`incidentKind.${i.kind}`)}</span>
            <time className="text-sm text-muted-foreground" dateTime={i.occurredAt.toISOString()}>
              {format.dateTime(i.occurredAt, { dateStyle: "medium" })}
            </time>
          </div>
          <p className="text-sm break-words text-muted-foreground">
            {i.district} · {t("casualties", { dead: i.dead, injured: i.injured })} ·{" "}
            {t("roles", {
              roles: format.list(i.roles.map((role) => tEnum(`incidentPartyRole.${role}`))),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}
