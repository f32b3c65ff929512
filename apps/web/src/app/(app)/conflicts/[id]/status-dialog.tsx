"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { setConflictStatusInput } from "@truce/api/schemas/conflict";
import { CONFLICT_STATUSES, RISK_LEVELS } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { Button, FormDialog, NativeSelectField, useServerForm, TextareaField } from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/**
 * Changes a conflict's status or risk level, with the reason, from the version the profile
 * shows: a row of its history. Refused as stale if the conflict changed meanwhile: the dialog
 * says so, the profile is read again, and the choice stays for a second try.
 */
export function StatusDialog({
  conflict,
  refetch,
}: {
  conflict: {
    id: string;
    version: number;
    status: (typeof CONFLICT_STATUSES)[number];
    riskLevel: (typeof RISK_LEVELS)[number];
  };
  refetch: () => unknown;
}) {
  const t = useTranslations("conflicts.statusDialog");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.conflict.setStatus.mutationOptions());
  const now = { status: conflict.status, riskLevel: conflict.riskLevel, reason: "" };
  const server = useServerForm({
    schema: setConflictStatusInput,
    defaultValues: now,
    values: { id: conflict.id, version: conflict.version, ...now },
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (values) => {
      await mutation.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(trpc.conflict.byId.queryFilter({ id: conflict.id })),
        queryClient.invalidateQueries(trpc.conflict.list.pathFilter()),
      ]);
      form.setValue("reason", "");
    },
  });
  const { form } = server;
  return (
    <FormDialog
      trigger={<Button variant="outline">{t("trigger")}</Button>}
      title={t("title")}
      description={t("description", {
        status: tEnum(`conflictStatus.${conflict.status}`),
        risk: tEnum(`riskLevel.${conflict.riskLevel}`),
      })}
      server={server}
      submitLabel={t("confirm")}
      cancelLabel={t("cancel")}
      className="max-h-[90dvh] overflow-y-auto"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <NativeSelectField
          control={form.control}
          name="status"
          label={t("status")}
          options={CONFLICT_STATUSES.map((s) => ({
            value: s,
            label: tEnum(`conflictStatus.${s}`),
          }))}
        />
        <NativeSelectField
          control={form.control}
          name="riskLevel"
          label={t("risk")}
          options={RISK_LEVELS.map((r) => ({ value: r, label: tEnum(`riskLevel.${r}`) }))}
        />
      </div>
      <TextareaField
        control={form.control}
        name="reason"
        label={t("reason")}
        description={t("reasonHint")}
        maxLength={FIELD_LIMITS.conflictChange.reason.max}
      />
    </FormDialog>
  );
}
