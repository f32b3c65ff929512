"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { updateConflictInput } from "@truce/api/schemas/conflict";
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
import { CONFLICT_FIELDS, ConflictFields, type ConflictField } from "../../conflict-fields";

type Profile = WebRouterOutputs["conflict"]["byId"];

/** The record's fields as the form holds them: an empty input for what is not recorded. */
function formValues(c: Profile) {
  return {
    id: c.id,
    version: c.version,
    title: c.title,
    startedOn: c.startedOn ?? "",
    description: c.description ?? "",
  };
}

export function EditForm({ id }: { id: string }) {
  const t = useTranslations("conflicts.form");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const profile = useQuery(trpc.conflict.byId.queryOptions({ id }));
  if (profile.isPending) return <LoadingState label={t("loading")} />;
  if (profile.isError) {
    return <ErrorState title={t("loadError")} description={errorMessage(profile.error)} />;
  }
  return <EditFormFields conflict={profile.data} refetch={() => profile.refetch()} />;
}

function EditFormFields({ conflict, refetch }: { conflict: Profile; refetch: () => unknown }) {
  const t = useTranslations("conflicts.form");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.conflict.update.mutationOptions());
  const values = formValues(conflict);
  const { id: _id, version: _version, ...fields } = values;
  const href = `/conflicts/${conflict.id}`;
  const { form, formError, onSubmit, changedMeanwhile } = useServerForm({
    schema: updateConflictInput,
    defaultValues: fields,
    // The record as saved now: after a stale refusal the refetched record brings the new
    // version, while what the person typed stays theirs.
    values,
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (checked) => {
      await update.mutateAsync(checked);
      await queryClient.invalidateQueries(trpc.conflict.byId.queryFilter({ id: conflict.id }));
      await queryClient.invalidateQueries(trpc.conflict.list.pathFilter());
      router.push(href);
    },
  });
  /** A saved value as the person reads it. */
  const shown = (name: ConflictField, value: unknown) => {
    if (value === null || value === undefined || value === "") return t("empty");
    if (name === "startedOn") {
      return format.dateTime(new Date(String(value)), { dateStyle: "medium" });
    }
    return String(value);
  };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("editTitle")} description={conflict.title} />
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
                    .filter((c) => (CONFLICT_FIELDS as readonly string[]).includes(c.name))
                    .map((c) => (
                      <li key={c.name}>
                        {t(`fields.${c.name as ConflictField}`)}:{" "}
                        {shown(c.name as ConflictField, c.now)}
                      </li>
                    ))}
                </ul>
              </AlertDescription>
            </Alert>
          ) : null}
          <ConflictFields control={form.control} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t("saving") : t("saveChanges")}
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
