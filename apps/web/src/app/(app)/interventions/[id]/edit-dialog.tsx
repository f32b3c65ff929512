"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { updateInterventionInput } from "@truce/api/schemas/intervention";
import { INTERVENTION_STATUSES, VISIBILITIES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  Alert,
  AlertDescription,
  Button,
  DateTimeField,
  FormDialog,
  localDateTime,
  NativeSelectField,
  TextareaField,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { ResponseSelect } from "../response-select";
import type { Intervention } from "./intervention-profile";

/** The fields this dialog edits, as their labels are keyed (`interventions.fields.*`). */
type EditedField = "status" | "occurredAt" | "summary" | "message" | "result" | "visibility";

/**
 * Changes an intervention from the version shown: mark a planned call-in done and record who
 * came, correct its texts. A stale save keeps what was typed and says what changed meanwhile.
 */
export function EditInterventionDialog({
  intervention: i,
  refetch,
}: {
  intervention: Intervention;
  refetch: () => unknown;
}) {
  const t = useTranslations("interventions");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.intervention.update.mutationOptions());
  const saved = {
    id: i.id,
    version: i.version,
    status: i.status,
    occurredAt: localDateTime(new Date(i.occurredAt)),
    summary: i.summary ?? "",
    message: i.message ?? "",
    result: i.result ?? "",
    visibility: i.visibility,
    responses: i.participants.map((p) => ({
      individualId: p.id,
      response: p.response ?? ("" as const),
    })),
  };
  const { id: _id, version: _version, ...editable } = saved;
  const server = useServerForm({
    schema: updateInterventionInput,
    defaultValues: editable,
    values: saved,
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (values) => {
      await update.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(trpc.intervention.byId.queryFilter({ id: i.id })),
        queryClient.invalidateQueries(trpc.individual.timeline.pathFilter()),
      ]);
    },
  });
  const { form, changedMeanwhile } = server;
  const hasMessage = i.kind === "call_in" || i.kind === "custom_notification";
  const texts = (["summary", ...(hasMessage ? ["message"] : []), "result"] as const).map(
    (name) => name as "summary" | "message" | "result",
  );
  const limits = FIELD_LIMITS.intervention;
  return (
    <FormDialog
      trigger={<Button variant="outline">{t("profile.edit")}</Button>}
      title={t("profile.editTitle")}
      description={t("profile.editDescription")}
      server={server}
      submitLabel={t("profile.saveChanges")}
      cancelLabel={t("cancel")}
      className="max-h-[90vh] overflow-y-auto"
    >
      {changedMeanwhile.length > 0 ? (
        <Alert>
          <AlertDescription>
            {t("profile.changedMeanwhile", {
              fields: [
                ...new Set(
                  changedMeanwhile.map((c) => {
                    const field = c.name.split(".")[0] as EditedField | "responses";
                    return field === "responses" ? t("people.response") : t(`fields.${field}`);
                  }),
                ),
              ].join(", "),
            })}
          </AlertDescription>
        </Alert>
      ) : null}
      <NativeSelectField
        control={form.control}
        name="status"
        label={t("fields.status")}
        options={INTERVENTION_STATUSES.map((s) => ({
          value: s,
          label: tEnum(`interventionStatus.${s}`),
        }))}
      />
      <DateTimeField control={form.control} name="occurredAt" label={t("fields.occurredAt")} />
      {i.participants.length > 0 ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">{t("people.response")}</legend>
          {i.participants.map((p, index) => (
            <ResponseSelect
              key={p.participantId}
              id={`response-${p.participantId}`}
              label={t("people.responseOf", { name: `${p.givenName} ${p.familyName}` })}
              {...form.register(`responses.${index}.response`)}
            />
          ))}
        </fieldset>
      ) : null}
      {texts.map((name) => (
        <TextareaField
          key={name}
          control={form.control}
          name={name}
          label={t(`fields.${name}`)}
          maxLength={limits[name].max}
        />
      ))}
      <NativeSelectField
        control={form.control}
        name="visibility"
        label={t("fields.visibility")}
        options={VISIBILITIES.map((v) => ({ value: v, label: tEnum(`visibility.${v}`) }))}
      />
    </FormDialog>
  );
}
