"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { updateIndividualInput } from "@truce/api/schemas/individual";
import {
  Alert,
  AlertDescription,
  AlertTitle,
  Button,
  ErrorState,
  Form,
  LoadingState,
  PageHeader,
  useErrorMessage,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { PERSON_FIELDS, PersonFields } from "../../person-fields";
import { useFieldValue } from "../../person-values";

type Profile = WebRouterOutputs["individual"]["byId"];

/** The record's fields as the form holds them: an empty input for what is not recorded. */
function formValues(p: Profile) {
  return {
    id: p.id,
    version: p.version,
    givenName: p.givenName,
    familyName: p.familyName,
    aliases: p.aliases,
    dateOfBirth: p.dateOfBirth ?? "",
    nationalId: p.nationalId ?? "",
    district: p.district,
    riskLevel: p.riskLevel,
    supervision: p.supervision,
    category: p.category,
    registrationReason: p.registrationReason,
  };
}

export function EditForm({ id }: { id: string }) {
  const t = useTranslations("personForm");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const profile = useQuery(trpc.individual.byId.queryOptions({ id }));
  const options = useQuery(trpc.individual.formOptions.queryOptions());
  if (profile.isPending || options.isPending) return <LoadingState label={t("loading")} />;
  if (profile.isError) {
    return <ErrorState title={t("loadError")} description={errorMessage(profile.error)} />;
  }
  if (options.isError) {
    return <ErrorState title={t("optionsError")} description={errorMessage(options.error)} />;
  }
  return (
    <EditFormFields
      profile={profile.data}
      districts={options.data.districts}
      refetch={() => profile.refetch()}
    />
  );
}

function EditFormFields({
  profile,
  districts,
  refetch,
}: {
  profile: Profile;
  districts: string[];
  refetch: () => unknown;
}) {
  const t = useTranslations("personForm");
  const fieldValue = useFieldValue();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.individual.update.mutationOptions());
  const values = formValues(profile);
  const { id: _id, version: _version, ...fields } = values;
  const { form, formError, onSubmit, changedMeanwhile } = useServerForm({
    schema: updateIndividualInput,
    defaultValues: fields,
    // The record as saved now: after a stale refusal the refetched record brings the new
    // version, while what the person typed stays theirs.
    values,
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (checked) => {
      await update.mutateAsync(checked);
      await queryClient.invalidateQueries(trpc.individual.byId.queryFilter({ id: profile.id }));
      await queryClient.invalidateQueries(trpc.individual.list.pathFilter());
      router.push(`/individuals/${profile.id}`);
    },
  });
  const href = `/individuals/${profile.id}`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={t("editTitle")}
        description={`${profile.givenName} ${profile.familyName}`}
      />
      <Form {...form}>
        <form noValidate className="space-y-6" onSubmit={(event) => void onSubmit(event)}>
          {formError ? (
            <Alert variant="destructive" data-testid="form-error">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          ) : null}
          {changedMeanwhile.length > 0 ? (
            <Alert variant="warning" data-testid="changed-meanwhile">
              <AlertTitle>{t("changedMeanwhile")}</AlertTitle>
              <AlertDescription>
                <ul className="list-disc pl-5">
                  {changedMeanwhile
                    .filter((c) => (PERSON_FIELDS as readonly string[]).includes(c.name))
                    .map((c) => (
                      <li key={c.name}>
                        {t(`fields.${c.name as (typeof PERSON_FIELDS)[number]}`)}:{" "}
                        {fieldValue(c.name, c.now)}
                      </li>
                    ))}
                </ul>
              </AlertDescription>
            </Alert>
          ) : null}
          <PersonFields control={form.control} districts={districts} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t("saving") : t("save")}
            </Button>
            <Link
              href={href}
              className="inline-flex min-h-9 items-center text-sm underline underline-offset-4"
            >
              {t("cancel")}
            </Link>
          </div>
        </form>
      </Form>
    </div>
  );
}
