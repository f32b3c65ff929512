"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { createOutcomeInput, statusAfterOutcome } from "@truce/api/schemas/outcome";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { OUTCOME_KINDS, type INDIVIDUAL_STATUSES } from "@truce/db/enum-values";
import {
  Button,
  FormControl,
  FormDescription,
  FormDialog,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  NativeSelectField,
  useServerForm,
  TextareaField,
} from "@truce/ui";
import { today } from "~/components/today";
import { useTRPC } from "~/trpc/react";

/**
 * Records a milestone in the person's path (kind, day, note), from the version of the record
 * the profile shows: the dialog says when the kind will also change the person's status (the
 * server's own rule, statusAfterOutcome). Refused as stale if the record changed meanwhile:
 * the dialog says so, the profile is read again, and what was typed stays. Once saved, the
 * profile, its timeline, the register and the start page are read again.
 */
export function OutcomeDialog({
  person,
  refetch,
}: {
  person: { id: string; version: number; status: (typeof INDIVIDUAL_STATUSES)[number] };
  refetch: () => unknown;
}) {
  const t = useTranslations("outcome");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.outcome.create.mutationOptions());
  const start = { kind: undefined, occurredAt: today(), note: "" };
  // The kind has no default: none is chosen until the person chooses one (a server error on
  // it then lands on it), so the record's values hold it as undefined.
  const values = {
    individualId: person.id,
    version: person.version,
    ...start,
  } as unknown as z.input<typeof createOutcomeInput>;
  const server = useServerForm({
    schema: createOutcomeInput,
    defaultValues: start,
    values,
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (values) => {
      await mutation.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(trpc.individual.byId.queryFilter({ id: person.id })),
        queryClient.invalidateQueries(
          trpc.individual.timeline.infiniteQueryFilter({ individualId: person.id }),
        ),
        queryClient.invalidateQueries(trpc.individual.list.pathFilter()),
        queryClient.invalidateQueries(trpc.start.overview.pathFilter()),
      ]);
    },
  });
  const { form } = server;
  const kind = useWatch({ control: form.control, name: "kind" });
  const chosen = OUTCOME_KINDS.find((k) => k === kind);
  const next = chosen ? statusAfterOutcome(chosen, person.status) : null;
  return (
    <FormDialog
      trigger={<Button variant="outline">{t("trigger")}</Button>}
      title={t("title")}
      description={t("description")}
      server={server}
      submitLabel={t("confirm")}
      cancelLabel={t("cancel")}
      onOpen={() => form.reset(values)}
    >
      <NativeSelectField
        control={form.control}
        name="kind"
        label={t("kind")}
        options={[
          { value: "", label: t("choose") },
          ...OUTCOME_KINDS.map((k) => ({ value: k, label: tEnum(`outcomeKind.${k}`) })),
        ]}
      />
      <p className="text-sm" role="status" data-testid="outcome-status-effect">
        {next
          ? t("statusChanges", {
              from: tEnum(`individualStatus.${person.status}`),
              to: tEnum(`individualStatus.${next}`),
            })
          : chosen
            ? t("statusStays", { status: tEnum(`individualStatus.${person.status}`) })
            : null}
      </p>
      <FormField
        control={form.control}
        name="occurredAt"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("occurredAt")}</FormLabel>
            <FormControl>
              <Input type="date" {...field} value={field.value ?? ""} max={today()} />
            </FormControl>
            <FormDescription>{t("occurredAtHint")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <TextareaField
        control={form.control}
        name="note"
        label={t("note")}
        description={t("noteHint")}
        maxLength={FIELD_LIMITS.outcome.note.max}
      />
    </FormDialog>
  );
}
