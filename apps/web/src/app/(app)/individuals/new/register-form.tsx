"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { WebRouterOutputs } from "@truce/api";
import { createIndividualInput } from "@truce/api/schemas/individual";
import { addMonths } from "@truce/db/programme-calendar";
import {
  Alert,
  AlertDescription,
  AlertTitle,
  Button,
  ErrorState,
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  LoadingState,
  useErrorMessage,
  useServerForm,
} from "@truce/ui";
import { today } from "~/components/today";
import { useTRPC } from "~/trpc/react";
import { PersonFields } from "../person-fields";

type Duplicate = WebRouterOutputs["individual"]["likelyDuplicates"][number];

/** Today (the programme's) plus a number of months, as a date input holds it. */
const monthsAhead = (months: number) => addMonths(today(), months);

/** Registers a person: the form waits for the defaults (the review period) it starts from. */
export function RegisterForm() {
  const t = useTranslations("personForm");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const options = useQuery(trpc.individual.formOptions.queryOptions());
  if (options.isPending) return <LoadingState label={t("loading")} />;
  if (options.isError) {
    return <ErrorState title={t("optionsError")} description={errorMessage(options.error)} />;
  }
  return (
    <RegisterFormFields
      districts={options.data.districts}
      reviewPeriodMonths={options.data.reviewPeriodMonths}
    />
  );
}

function RegisterFormFields({
  districts,
  reviewPeriodMonths,
}: {
  districts: string[];
  reviewPeriodMonths: number;
}) {
  const t = useTranslations("personForm");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // Likely duplicates found for the names and birth date as they were when asked.
  const [duplicates, setDuplicates] = useState<{ key: string; found: Duplicate[] } | null>(null);
  const create = useMutation(
    trpc.individual.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries(trpc.individual.list.pathFilter());
        router.push(`/individuals/${id}`);
      },
    }),
  );
  const { form, formError, onSubmit } = useServerForm({
    schema: createIndividualInput,
    defaultValues: {
      givenName: "",
      familyName: "",
      aliases: [],
      dateOfBirth: "",
      nationalId: "",
      district: "",
      riskLevel: "medium",
      supervision: "none",
      category: undefined,
      registrationReason: "",
      reviewDue: monthsAhead(reviewPeriodMonths),
    },
    submit: (values) => create.mutateAsync(values),
  });
  const [givenName, familyName, dateOfBirth] = form.watch([
    "givenName",
    "familyName",
    "dateOfBirth",
  ]);
  const key = JSON.stringify([givenName?.trim(), familyName?.trim(), dateOfBirth]);
  const shown = duplicates && duplicates.key === key ? duplicates.found : null;

  // Checked like the save, then: anyone like this person already in the register? If so, the
  // person decides; otherwise it is saved at once.
  const onRegister = form.handleSubmit(async (values) => {
    const found = await queryClient.fetchQuery(
      trpc.individual.likelyDuplicates.queryOptions({
        givenName: values.givenName,
        familyName: values.familyName,
        dateOfBirth: values.dateOfBirth ?? "",
      }),
    );
    if (found.length > 0) {
      setDuplicates({ key, found });
      return;
    }
    await onSubmit();
  });

  const busy = create.isPending || form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form noValidate className="space-y-6" onSubmit={(event) => void onRegister(event)}>
        {formError ? (
          <Alert variant="destructive">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
        <PersonFields control={form.control} districts={districts} />
        <FormField
          control={form.control}
          name="reviewDue"
          render={({ field }) => (
            <FormItem className="max-w-xs">
              <FormLabel>{t("fields.reviewDue")}</FormLabel>
              <FormControl>
                <Input type="date" {...field} value={field.value ?? ""} />
              </FormControl>
              <FormDescription>
                {t("hints.reviewDue", { months: reviewPeriodMonths })}
              </FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
        {shown ? (
          <Alert variant="warning" role="alert" data-testid="likely-duplicates">
            <AlertTitle>{t("duplicates.title", { count: shown.length })}</AlertTitle>
            <AlertDescription className="space-y-3">
              <p>{t("duplicates.description")}</p>
              <ul className="space-y-1">
                {shown.map((d) => (
                  <li key={d.id}>
                    <Link
                      href={`/individuals/${d.id}`}
                      className="font-medium underline underline-offset-4"
                    >
                      {d.givenName} {d.familyName}
                    </Link>{" "}
                    <span>
                      {t("duplicates.details", {
                        year: d.birthYear ?? t("duplicates.noYear"),
                        district: d.district,
                        agency: d.registeringAgencyName,
                      })}
                    </span>
                  </li>
                ))}
              </ul>
              <div className="flex flex-wrap gap-2">
                <Button type="button" disabled={busy} onClick={() => void onSubmit()}>
                  {t("duplicates.registerAnyway")}
                </Button>
                <Button type="button" variant="outline" onClick={() => setDuplicates(null)}>
                  {t("duplicates.cancel")}
                </Button>
              </div>
            </AlertDescription>
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? t("saving") : t("register")}
          </Button>
          <Link
            href="/individuals"
            className="inline-flex min-h-9 items-center text-sm underline underline-offset-4"
          >
            {t("cancel")}
          </Link>
        </div>
      </form>
    </Form>
  );
}
