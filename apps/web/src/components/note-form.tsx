"use client";

import { useMutation } from "@tanstack/react-query";
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

/** What a note is written on: exactly one person, group or conflict (note.create's rule). */
export type NoteSubject = { individualId: string } | { groupId: string } | { conflictId: string };

/**
 * A new note on a person, a group or a conflict: the text, fact or assessment, and who may
 * read it. `onSaved` refreshes what lists the subject's notes.
 */
export function NoteForm({
  subject,
  onSaved,
}: {
  subject: NoteSubject;
  onSaved: () => Promise<unknown>;
}) {
  const t = useTranslations("notes");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const create = useMutation(trpc.note.create.mutationOptions({ onSuccess: onSaved }));
  const { form, formError, onSubmit } = useServerForm({
    schema: createNoteInput,
    // The subject is the page's, not a field: sent with the note, checked like the rest.
    defaultValues: { body: "", kind: "fact", visibility: "agency" },
    values: { ...subject, body: "", kind: "fact", visibility: "agency" },
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
