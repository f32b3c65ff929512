"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { setIndividualStatusInput } from "@truce/api/schemas/individual";
import { INDIVIDUAL_STATUSES } from "@truce/db/enum-values";
import { Button, FormDialog, NativeSelectField, useServerForm } from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/**
 * Changes a person's status, from the version the profile shows: a dialog with the choice
 * and a confirmation. Refused as stale if the record changed meanwhile: the dialog says so,
 * the profile is read again, and the choice stays for a second try.
 */
export function StatusDialog({
  person,
  refetch,
}: {
  person: { id: string; version: number; status: (typeof INDIVIDUAL_STATUSES)[number] };
  refetch: () => unknown;
}) {
  const t = useTranslations("status");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.individual.setStatus.mutationOptions());
  const server = useServerForm({
    schema: setIndividualStatusInput,
    defaultValues: { status: person.status },
    values: { id: person.id, version: person.version, status: person.status },
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (values) => {
      await mutation.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(trpc.individual.byId.queryFilter({ id: person.id })),
        queryClient.invalidateQueries(trpc.individual.list.pathFilter()),
      ]);
    },
  });
  const { form } = server;
  return (
    <FormDialog
      trigger={<Button variant="outline">{t("change")}</Button>}
      title={t("title")}
      description={t("description", { status: tEnum(`individualStatus.${person.status}`) })}
      server={server}
      submitLabel={t("confirm")}
      cancelLabel={t("cancel")}
    >
      <NativeSelectField
        control={form.control}
        name="status"
        label={t("label")}
        options={INDIVIDUAL_STATUSES.map((s) => ({
          value: s,
          label: tEnum(`individualStatus.${s}`),
        }))}
      />
    </FormDialog>
  );
}
