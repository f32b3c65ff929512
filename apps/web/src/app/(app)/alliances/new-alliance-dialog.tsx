"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createAllianceInput } from "@truce/api/schemas/alliance";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  Button,
  FormControl,
  FormDialog,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  Textarea,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { RecordChoiceField } from "~/components/record-picker";
import { today } from "~/components/today";

/** Records two groups as allied: the two groups, from when, and a note. */
export function NewAllianceDialog() {
  const t = useTranslations("conflicts.alliances.new");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.alliance.create.mutationOptions());
  const start = { groupAId: "", groupBId: "", fromOn: today(), note: "" };
  const server = useServerForm({
    schema: createAllianceInput,
    defaultValues: start,
    submit: async (values) => {
      await mutation.mutateAsync(values);
      await queryClient.invalidateQueries(trpc.alliance.list.pathFilter());
    },
  });
  const { form } = server;
  return (
    <FormDialog
      trigger={<Button>{t("trigger")}</Button>}
      title={t("title")}
      description={t("description")}
      server={server}
      onOpen={() => {
        form.reset(start);
      }}
      submitLabel={t("confirm")}
      cancelLabel={t("cancel")}
      className="max-h-[90dvh] overflow-y-auto"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <RecordChoiceField
          control={form.control}
          name="groupAId"
          kind="group"
          label={t("groupA")}
        />
        <RecordChoiceField
          control={form.control}
          name="groupBId"
          kind="group"
          label={t("groupB")}
        />
        <FormField
          control={form.control}
          name="fromOn"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("fromOn")}</FormLabel>
              <FormControl>
                <Input type="date" {...field} value={field.value ?? ""} max={today()} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="note"
          render={({ field }) => (
            <FormItem className="sm:col-span-2">
              <FormLabel>{t("note")}</FormLabel>
              <FormControl>
                <Textarea
                  {...field}
                  value={field.value ?? ""}
                  rows={3}
                  maxLength={FIELD_LIMITS.alliance.note.max}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
    </FormDialog>
  );
}
