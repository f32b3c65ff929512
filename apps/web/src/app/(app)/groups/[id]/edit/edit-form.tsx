"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { updateGroupInput } from "@truce/api/schemas/group";
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
import { GROUP_FIELDS, GroupFields, type GroupField } from "../../group-fields";
import { listInput, readListPlace } from "../../list-place";

type Profile = WebRouterOutputs["group"]["byId"];

/** The record's fields as the form holds them: an empty input for what is not recorded. */
function formValues(g: Profile) {
  return {
    id: g.id,
    version: g.version,
    name: g.name,
    aliases: g.aliases,
    area: g.area,
    status: g.status,
    description: g.description ?? "",
  };
}

export function EditForm({ id }: { id: string }) {
  const t = useTranslations("groups.form");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const profile = useQuery(trpc.group.byId.queryOptions({ id }));
  if (profile.isPending) return <LoadingState label={t("loading")} />;
  if (profile.isError) {
    return <ErrorState title={t("loadError")} description={errorMessage(profile.error)} />;
  }
  return <EditFormFields profile={profile.data} refetch={() => profile.refetch()} />;
}

function EditFormFields({ profile, refetch }: { profile: Profile; refetch: () => unknown }) {
  const t = useTranslations("groups.form");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.group.list.queryOptions(listInput(readListPlace({}))));
  const update = useMutation(trpc.group.update.mutationOptions());
  const values = formValues(profile);
  const { id: _id, version: _version, ...fields } = values;
  const { form, formError, onSubmit, changedMeanwhile } = useServerForm({
    schema: updateGroupInput,
    defaultValues: fields,
    // The record as saved now: after a stale refusal the refetched record brings the new
    // version, while what the person typed stays theirs.
    values,
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (checked) => {
      await update.mutateAsync(checked);
      await queryClient.invalidateQueries(trpc.group.byId.queryFilter({ id: profile.id }));
      await queryClient.invalidateQueries(trpc.group.list.pathFilter());
      router.push(`/groups/${profile.id}`);
    },
  });
  const shown = (field: GroupField, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("none");
    if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : t("none");
    if (field === "status") return tEnum(`groupStatus.${value as Profile["status"]}`);
    return String(value);
  };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("editTitle")} description={profile.name} />
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
                    .filter((c) => (GROUP_FIELDS as readonly string[]).includes(c.name))
                    .map((c) => (
                      <li key={c.name}>
                        {t(`fields.${c.name as GroupField}`)}: {shown(c.name as GroupField, c.now)}
                      </li>
                    ))}
                </ul>
              </AlertDescription>
            </Alert>
          ) : null}
          <GroupFields control={form.control} areas={list.data?.areas ?? []} />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t("saving") : t("save")}
            </Button>
            <Link
              href={`/groups/${profile.id}`}
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
