"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import type { z } from "zod";
import { createReferralInput } from "@truce/api/schemas/referral";
import { REFERRAL_SERVICES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
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
 * Refers the person from the user's agency to another for a service, with the person's
 * consent (yes or no, and the day: required when yes) and a note only the two agencies read.
 * Once sent, the person's connections, timeline and the referral lists are read again.
 */
export function ReferDialog({ person }: { person: { id: string; name: string } }) {
  const t = useTranslations("refer");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.referral.create.mutationOptions());
  // The choices only once the dialog is opened: the profile itself never needs them.
  const options = useQuery({ ...trpc.referral.formOptions.queryOptions(), enabled: false });
  // No agency or service is chosen until the person chooses one (a server error on it then
  // lands on it), so the start holds them as undefined.
  const start = {
    individualId: person.id,
    toAgencyId: undefined,
    service: undefined,
    consent: undefined,
    consentOn: today(),
    note: "",
  } as unknown as z.input<typeof createReferralInput>;
  const server = useServerForm({
    schema: createReferralInput,
    defaultValues: start,
    submit: async (values) => {
      await mutation.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(
          trpc.individual.connections.queryFilter({ individualId: person.id }),
        ),
        queryClient.invalidateQueries(
          trpc.individual.timeline.infiniteQueryFilter({ individualId: person.id }),
        ),
        queryClient.invalidateQueries(trpc.referral.list.pathFilter()),
      ]);
    },
  });
  const { form } = server;
  const consent = useWatch({ control: form.control, name: "consent" });
  return (
    <FormDialog
      trigger={<Button variant="outline">{t("trigger")}</Button>}
      title={t("title", { name: person.name })}
      description={t("description")}
      server={server}
      submitLabel={t("confirm")}
      cancelLabel={t("cancel")}
      submitDisabled={!options.data}
      onOpen={() => {
        form.reset(start);
        void options.refetch();
      }}
    >
      {options.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {t("optionsError")}
        </p>
      ) : null}
      <NativeSelectField
        control={form.control}
        name="toAgencyId"
        label={t("toAgency")}
        options={[
          { value: "", label: options.data ? t("chooseAgency") : t("loadingAgencies") },
          ...(options.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name })),
        ]}
      />
      <NativeSelectField
        control={form.control}
        name="service"
        label={t("service")}
        options={[
          { value: "", label: t("chooseService") },
          ...REFERRAL_SERVICES.map((s) => ({ value: s, label: tEnum(`referralService.${s}`) })),
        ]}
      />
      <FormField
        control={form.control}
        name="consent"
        render={({ field }) => (
          <FormItem>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("consent")}</legend>
              <div className="flex flex-wrap gap-4">
                {([true, false] as const).map((value) => (
                  <label key={String(value)} className="flex min-h-6 items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name={field.name}
                      className="size-4"
                      checked={field.value === value}
                      onChange={() => field.onChange(value)}
                      onBlur={field.onBlur}
                      ref={value ? field.ref : undefined}
                    />
                    {value ? t("consentYes") : t("consentNo")}
                  </label>
                ))}
              </div>
            </fieldset>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={form.control}
        name="consentOn"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("consentOn")}</FormLabel>
            <FormControl>
              <Input type="date" {...field} value={field.value ?? ""} max={today()} />
            </FormControl>
            <FormDescription>
              {consent === true ? t("consentOnRequired") : t("consentOnHint")}
            </FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <TextareaField
        control={form.control}
        name="note"
        label={t("note")}
        description={t("noteHint")}
        maxLength={FIELD_LIMITS.referral.note.max}
      />
    </FormDialog>
  );
}
