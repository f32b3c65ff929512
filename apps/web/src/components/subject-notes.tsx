"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import {
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ErrorState,
  Skeleton,
  useErrorMessage,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { NoteForm } from "./note-form";

/** What the notes are on: a group or a conflict (a person's are in their timeline). */
export type NotesSubject = { groupId: string } | { conflictId: string };

/**
 * The notes on a group or a conflict that the agency may read, newest first, and the form for
 * a new one. Each read is logged (note.forGroup, note.forConflict), so the page that shows
 * this asks for the session's purpose first.
 */
export function SubjectNotes({ subject }: { subject: NotesSubject }) {
  const t = useTranslations("groups.notes");
  const tEnum = useTranslations("enums");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One of the two reads, the other skipped: each hook is called on every render.
  const onGroup = useQuery(
    trpc.note.forGroup.queryOptions(
      "groupId" in subject ? { groupId: subject.groupId } : skipToken,
    ),
  );
  const onConflict = useQuery(
    trpc.note.forConflict.queryOptions(
      "conflictId" in subject ? { conflictId: subject.conflictId } : skipToken,
    ),
  );
  const query = "groupId" in subject ? onGroup : onConflict;
  const refresh = () =>
    "groupId" in subject
      ? queryClient.invalidateQueries(trpc.note.forGroup.queryFilter({ groupId: subject.groupId }))
      : queryClient.invalidateQueries(
          trpc.note.forConflict.queryFilter({ conflictId: subject.conflictId }),
        );
  const titleId = "groupId" in subject ? `notes-${subject.groupId}` : `notes-${subject.conflictId}`;
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle as="h2" id={titleId}>
          {t("title")}
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <NoteForm subject={subject} onSaved={refresh} />
        {query.isPending ? (
          <div role="status" aria-label={t("loading")} className="space-y-2">
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        ) : query.isError ? (
          <ErrorState
            title={t("error")}
            description={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
            retryLabel={t("retry")}
          />
        ) : query.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="divide-y" aria-labelledby={titleId}>
            {query.data.map((n) => (
              <li key={n.id} className="space-y-1 py-3 first:pt-0">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                  <span className="font-medium">{tEnum(`noteKind.${n.kind}`)}</span>
                  <Badge variant="outline">{tEnum(`visibility.${n.visibility}`)}</Badge>
                  <time className="text-muted-foreground" dateTime={n.createdAt.toISOString()}>
                    {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                  <span className="break-words text-muted-foreground">{n.authorAgencyName}</span>
                </div>
                <p className="break-words whitespace-pre-wrap">{n.body}</p>
                <Link
                  className="inline-flex min-h-6 items-center text-sm underline underline-offset-4"
                  href={`/notes/${n.id}`}
                >
                  {t("open")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
