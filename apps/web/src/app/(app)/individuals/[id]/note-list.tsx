"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
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
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/** The notes the active agency may read on a person, and a form to add one. */
export function NoteList({ individualId }: { individualId: string }) {
  const t = useTranslations("notes");
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
            description={notes.error.message}
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
                    {t(`kind.${n.kind}`)}
                  </Badge>
                  <Badge variant="outline">{t(`visibility.${n.visibility}`)}</Badge>
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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schema = z.object({
    body: z.string().trim().min(1, t("validation.body")).max(10_000, t("validation.tooLong")),
    kind: z.enum(["fact", "assessment"]),
    visibility: z.enum(["agency", "programme"]),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { body: "", kind: "fact", visibility: "agency" },
  });
  const create = useMutation(
    trpc.note.create.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await queryClient.invalidateQueries(trpc.note.forIndividual.queryFilter({ individualId }));
      },
    }),
  );
  return (
    <Form {...form}>
      <form
        noValidate
        className="space-y-3"
        onSubmit={form.handleSubmit((values) => create.mutate({ individualId, ...values }))}
      >
        {create.isError ? (
          <Alert variant="destructive">
            <AlertDescription>{create.error.message}</AlertDescription>
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
            options={[
              { value: "fact", label: t("kind.fact") },
              { value: "assessment", label: t("kind.assessment") },
            ]}
          />
          <SelectField
            control={form.control}
            name="visibility"
            label={t("visibilityLabel")}
            className="w-56"
            options={[
              { value: "agency", label: t("visibility.agency") },
              { value: "programme", label: t("visibility.programme") },
            ]}
          />
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? t("saving") : t("save")}
          </Button>
        </div>
      </form>
    </Form>
  );
}
