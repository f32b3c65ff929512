"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { setIndividualStatusInput } from "@truce/api/schemas/individual";
import { INDIVIDUAL_STATUSES } from "@truce/db/enum-values";
import {
  Alert,
  AlertDescription,
  Button,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  Form,
  NativeSelectField,
  useServerForm,
} from "@truce/ui";
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
  const [open, setOpen] = useState(false);
  const mutation = useMutation(trpc.individual.setStatus.mutationOptions());
  const { form, formError, onSubmit, clearFormError } = useServerForm({
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
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) clearFormError();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">{t("change")}</Button>
      </DialogTrigger>
      <DialogContent>
        <Form {...form}>
          <form
            noValidate
            className="space-y-4"
            onSubmit={(event) => {
              void onSubmit(event).then((taken) => taken && setOpen(false));
            }}
          >
            <DialogHeader>
              <DialogTitle>{t("title")}</DialogTitle>
              <DialogDescription>
                {t("description", { status: tEnum(`individualStatus.${person.status}`) })}
              </DialogDescription>
            </DialogHeader>
            {formError ? (
              <Alert variant="destructive">
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            ) : null}
            <NativeSelectField
              control={form.control}
              name="status"
              label={t("label")}
              options={INDIVIDUAL_STATUSES.map((s) => ({
                value: s,
                label: tEnum(`individualStatus.${s}`),
              }))}
            />
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  {t("cancel")}
                </Button>
              </DialogClose>
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {t("confirm")}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
