"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createNoteInput } from "@truce/api/schemas/note";
import { NOTE_KINDS, VISIBILITIES } from "@truce/db/enum-values";
import {
  Alert,
  AlertDescription,
  Button,
  Form,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  SelectField,
  Textarea,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/** A new note on a person; once saved it is at the top of the person's timeline. */
export function NoteForm({ individualId }: { individualId: string }) {
  const t = useTranslations("notes");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.note.create.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries(
          trpc.individual.timeline.infiniteQueryFilter({ individualId }),
        ),
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
