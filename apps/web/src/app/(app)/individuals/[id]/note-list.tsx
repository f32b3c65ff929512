"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { createNoteInput } from "@truce/api/schemas/note";
import { NOTE_KINDS, VISIBILITIES } from "@truce/db/enum-values";
import {
  Alert,
  AlertDescription,
  Badge,
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Form,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  SelectField,
  Skeleton,
  Textarea,
  useErrorMessage,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/** The notes the active agency may read on a person, and a form to add one. */
export function NoteList({ individualId }: { individualId: string }) {
  const t = useTranslations("notes");
  const tEnum = useTranslations("enums");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const trpc = useTRPC();
  const notes = useQuery(trpc.note.forIndividual.queryOptions({ individualId }));

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <NoteForm individualId={individualId} />
        {notes.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : notes.isError ? (
          <ErrorState
            title={t("error")}
            description={errorMessage(notes.error)}
            onRetry={() => void notes.refetch()}
            retryLabel={t("retry")}
          />
        ) : notes.data.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="divide-y" aria-label={t("title")}>
            {notes.data.map((n) => (
              <li key={n.id} className="space-y-1 py-3">
                <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
                  <Badge variant={n.kind === "fact" ? "secondary" : "outline"}>
                    {tEnum(`noteKind.${n.kind}`)}
                  </Badge>
                  <Badge variant="outline">{tEnum(`visibility.${n.visibility}`)}</Badge>
                  <span>{n.authorAgencyName}</span>
                  <span>
                    {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </span>
                  <Link className="underline underline-offset-4" href={`/notes/${n.id}`}>
                    {t("open")}
                  </Link>
                </div>
                <p className="whitespace-pre-wrap">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function NoteForm({ individualId }: { individualId: string }) {
  const t = useTranslations("notes");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.note.create.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries(trpc.note.forIndividual.queryFilter({ individualId })),
    }),
  );
  const { form, formError, onSubmit } = useServerForm({
    schema: createNoteInput,
    // The person is the page's, not a field: sent with the note, checked like the rest.
    defaultValues: { body: "", kind: "fact", visibility: "agency" },
    values: { individualId, body: "", kind: "fact", visibility: "agency" },
    submit: (values) => create.mutateAsync(values),
  });
  return (
    <Form {...form}>
      <form noValidate className="space-y-3" onSubmit={onSubmit}>
        {formError ? (
          <Alert variant="destructive">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
        <FormField
          control={form.control}
          name="body"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("new")}</FormLabel>
              <FormControl>
                <Textarea rows={3} {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            control={form.control}
            name="kind"
            label={t("kindLabel")}
            className="w-40"
            options={NOTE_KINDS.map((kind) => ({ value: kind, label: tEnum(`noteKind.${kind}`) }))}
          />
          <SelectField
            control={form.control}
            name="visibility"
            label={t("visibilityLabel")}
            className="w-56"
            options={VISIBILITIES.map((v) => ({ value: v, label: tEnum(`visibility.${v}`) }))}
          />
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? t("saving") : t("save")}
          </Button>
        </div>
      </form>
    </Form>
  );
}
