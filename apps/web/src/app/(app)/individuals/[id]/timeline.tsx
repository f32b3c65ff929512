"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { WebRouterOutputs } from "@truce/api";
import {
  Alert,
  AlertDescription,
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Skeleton,
  useErrorMessage,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { nextTimelinePage, timelineInput } from "./timeline-query";

type Item = WebRouterOutputs["individual"]["timeline"]["items"][number];
type ItemOf<K extends Item["kind"]> = Extract<Item, { kind: K }>;

/**
 * Everything that happened to or with a person, newest first, a page at a time: each item as
 * the active agency may see it (another agency's agency-only details never reach the
 * browser; the item says where they are kept).
 */
export function Timeline({
  individualId,
  children,
}: {
  individualId: string;
  /** What adds to the timeline (the note form), above its items. */
  children?: ReactNode;
}) {
  const t = useTranslations("timeline");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const timeline = useInfiniteQuery(
    trpc.individual.timeline.infiniteQueryOptions(timelineInput(individualId), {
      getNextPageParam: nextTimelinePage,
    }),
  );
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  let body: ReactNode;
  if (timeline.isPending) {
    body = (
      <div role="status" aria-label={t("loading")} className="space-y-4">
        {[0, 1, 2].map((k) => (
          <div key={k} className="space-y-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-12 w-full" />
          </div>
        ))}
      </div>
    );
  } else if (timeline.isError && items.length === 0) {
    body = (
      <ErrorState
        titleAs="h3"
        title={t("error")}
        description={errorMessage(timeline.error)}
        onRetry={() => void timeline.refetch()}
        retryLabel={t("retry")}
      />
    );
  } else if (items.length === 0) {
    body = <EmptyState titleAs="h3" title={t("empty")} />;
  } else {
    body = (
      <div className="space-y-4">
        <ol className="divide-y" aria-label={t("title")}>
          {items.map((item) => (
            <li
              key={`${item.kind}:${item.id}`}
              className="min-w-0 space-y-1 py-3"
              data-testid="timeline-item"
              data-kind={item.kind}
            >
              <TimelineEntry item={item} />
            </li>
          ))}
        </ol>
        {timeline.isFetchNextPageError ? (
          <Alert variant="destructive">
            <AlertDescription>
              {t("olderError")} {errorMessage(timeline.error)}
            </AlertDescription>
          </Alert>
        ) : null}
        {timeline.hasNextPage ? (
          <Button
            variant="outline"
            className="w-full sm:w-auto"
            // aria-disabled, not disabled: a disabled button would drop the keyboard's focus
            // while the page loads.
            onClick={() => {
              if (!timeline.isFetchingNextPage) void timeline.fetchNextPage();
            }}
            aria-disabled={timeline.isFetchingNextPage}
            aria-busy={timeline.isFetchingNextPage}
          >
            {timeline.isFetchingNextPage
              ? t("loadingOlder")
              : timeline.isFetchNextPageError
                ? t("retryOlder")
                : t("showOlder")}
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        {children}
        {body}
      </CardContent>
    </Card>
  );
}

/** One item: what it is, when, by which agency, and its content as far as it is shown. */
function TimelineEntry({ item }: { item: Item }) {
  switch (item.kind) {
    case "intervention":
      return <InterventionEntry item={item} />;
    case "outcome":
      return <OutcomeEntry item={item} />;
    case "referral":
      return <ReferralEntry item={item} />;
    case "referral_event":
      return <ReferralEventEntry item={item} />;
    case "note":
      return <NoteEntry item={item} />;
    case "incident":
      return <IncidentEntry item={item} />;
  }
}

/** The item's first line: its kind, what it was, when, and the agency or place. */
function EntryHeader({
  kind,
  what,
  when,
  where,
  children,
}: {
  kind: Item["kind"];
  what: string;
  when: ReactNode;
  where: string | null;
  children?: ReactNode;
}) {
  const t = useTranslations("timeline");
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span className="text-muted-foreground">{t(`kinds.${kind}`)}</span>
      <span className="font-medium break-words">{what}</span>
      {children}
      <span className="text-muted-foreground">{when}</span>
      {where ? <span className="break-words text-muted-foreground">{where}</span> : null}
    </div>
  );
}

function Moment({ at, dateOnly = false }: { at: Date | string; dateOnly?: boolean }) {
  const format = useFormatter();
  const date = typeof at === "string" ? new Date(at) : at;
  return (
    <time dateTime={typeof at === "string" ? at : at.toISOString()}>
      {format.dateTime(
        date,
        dateOnly ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" },
      )}
    </time>
  );
}

function Text({ children }: { children: string }) {
  return <p className="break-words whitespace-pre-wrap">{children}</p>;
}

function Kept({ children }: { children: string }) {
  return <p className="text-sm text-muted-foreground italic">{children}</p>;
}

function InterventionEntry({ item }: { item: ItemOf<"intervention"> }) {
  const t = useTranslations("timeline");
  const tEnum = useTranslations("enums");
  const what = item.enforcementKind
    ? `${tEnum(`interventionKind.${item.interventionKind}`)} · ${tEnum(`enforcementKind.${item.enforcementKind}`)}`
    : tEnum(`interventionKind.${item.interventionKind}`);
  const texts = [item.summary, item.message, item.result].filter((x): x is string => Boolean(x));
  return (
    <>
      <EntryHeader
        kind="intervention"
        what={what}
        when={<Moment at={item.occurredAt} />}
        where={item.leadAgencyName}
      >
        <Badge variant="outline">{tEnum(`interventionStatus.${item.status}`)}</Badge>
        {item.response ? (
          <Badge variant="secondary">{tEnum(`participantResponse.${item.response}`)}</Badge>
        ) : null}
      </EntryHeader>
      {item.detailsVisible ? (
        texts.map((text) => <Text key={text}>{text}</Text>)
      ) : (
        <Kept>{t("detailsKept", { agency: item.leadAgencyName })}</Kept>
      )}
      <Link
        className="inline-flex min-h-6 items-center text-sm underline underline-offset-4"
        href={`/interventions/${item.id}`}
      >
        {t("openIntervention")}
      </Link>
    </>
  );
}

function OutcomeEntry({ item }: { item: ItemOf<"outcome"> }) {
  const tEnum = useTranslations("enums");
  return (
    <>
      <EntryHeader
        kind="outcome"
        what={tEnum(`outcomeKind.${item.outcomeKind}`)}
        when={<Moment at={item.occurredAt} dateOnly />}
        where={item.recordingAgencyName}
      />
      {item.note ? <Text>{item.note}</Text> : null}
    </>
  );
}

function ReferralEntry({ item }: { item: ItemOf<"referral"> }) {
  const t = useTranslations("timeline");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const route = { from: item.fromAgencyName, to: item.toAgencyName };
  return (
    <>
      <EntryHeader
        kind="referral"
        what={tEnum(`referralService.${item.service}`)}
        when={<Moment at={item.createdAt} />}
        where={t("referralRoute", route)}
      >
        <Badge variant="outline">{tEnum(`referralStatus.${item.status}`)}</Badge>
      </EntryHeader>
      <p className="text-sm text-muted-foreground">
        {item.consent && item.consentOn
          ? t("consentGiven", {
              date: format.dateTime(new Date(item.consentOn), { dateStyle: "medium" }),
            })
          : t("noConsent")}
      </p>
      {item.noteVisible ? (
        item.note ? (
          <Text>{item.note}</Text>
        ) : null
      ) : (
        <Kept>{t("referralNoteKept", route)}</Kept>
      )}
    </>
  );
}

/** A step of a referral: its new status, who took it as which agency, and the reason. */
function ReferralEventEntry({ item }: { item: ItemOf<"referral_event"> }) {
  const t = useTranslations("timeline");
  const tEnum = useTranslations("enums");
  const route = { from: item.fromAgencyName, to: item.toAgencyName };
  return (
    <>
      <EntryHeader
        kind="referral_event"
        what={tEnum(`referralService.${item.service}`)}
        when={<Moment at={item.changedAt} />}
        where={t("referralRoute", route)}
      >
        <Badge variant="outline">{tEnum(`referralStatus.${item.status}`)}</Badge>
      </EntryHeader>
      <p className="text-sm text-muted-foreground">
        {item.changedByName
          ? t("referralStepBy", {
              user: item.changedByName,
              agency: item.changedByAgencyName ?? "",
            })
          : t("referralStepByAgency", { agency: item.changedByAgencyName ?? "" })}
      </p>
      {item.reasonVisible ? (
        item.reason ? (
          <Text>{item.reason}</Text>
        ) : null
      ) : (
        <Kept>{t("referralReasonKept", route)}</Kept>
      )}
    </>
  );
}

function NoteEntry({ item }: { item: ItemOf<"note"> }) {
  const t = useTranslations("timeline");
  const tEnum = useTranslations("enums");
  return (
    <>
      <EntryHeader
        kind="note"
        what={tEnum(`noteKind.${item.noteKind}`)}
        when={<Moment at={item.createdAt} />}
        where={item.authorAgencyName}
      >
        <Badge variant="outline">{tEnum(`visibility.${item.visibility}`)}</Badge>
      </EntryHeader>
      <Text>{item.body}</Text>
      <Link
        className="inline-flex min-h-6 items-center text-sm underline underline-offset-4"
        href={`/notes/${item.id}`}
      >
        {t("openNote")}
      </Link>
    </>
  );
}

function IncidentEntry({ item }: { item: ItemOf<"incident"> }) {
  const t = useTranslations("timeline");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const roles = format.list(item.roles.map((role) => tEnum(`incidentPartyRole.${role}`)));
  return (
    <>
      <EntryHeader
        kind="incident"
        what={tEnum(`incidentKind.${item.incidentKind}`)}
        when={<Moment at={item.occurredAt} />}
        where={item.district}
      />
      <p className="text-sm text-muted-foreground">
        {t("casualties", { dead: item.dead, injured: item.injured })} · {t("roles", { roles })}
      </p>
      {item.summary ? <Text>{item.summary}</Text> : null}
    </>
  );
}
