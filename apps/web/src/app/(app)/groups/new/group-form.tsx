"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createGroupInput } from "@truce/api/schemas/group";
import { Alert, AlertDescription, Button, Form, useServerForm } from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { GroupFields } from "../group-fields";
import { listInput, readListPlace } from "../list-place";

/** Records a group; saved, it opens the group's profile. */
export function GroupForm() {
  const t = useTranslations("groups.form");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // The areas in use, as suggestions; the form does not wait for them.
  const list = useQuery(trpc.group.list.queryOptions(listInput(readListPlace({}))));
  const create = useMutation(
    trpc.group.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries(trpc.group.list.pathFilter());
        router.push(`/groups/${id}`);
      },
    }),
  );
  const { form, formError, onSubmit } = useServerForm({
    schema: createGroupInput,
    defaultValues: { name: "", aliases: [], area: "", status: "active", description: "" },
    submit: (values) => create.mutateAsync(values),
  });
  const busy = create.isPending || form.formState.isSubmitting;
  return (
    <Form {...form}>
      <form noValidate className="space-y-6" onSubmit={(event) => void onSubmit(event)}>
        {formError ? (
          <Alert variant="destructive" data-testid="form-error">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
        <GroupFields control={form.control} areas={list.data?.areas ?? []} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? t("saving") : t("record")}
          </Button>
          <Link
            href="/groups"
            className="inline-flex min-h-9 items-center text-sm underline underline-offset-4"
          >
            {t("cancel")}
          </Link>
        </div>
      </form>
    </Form>
  );
}
