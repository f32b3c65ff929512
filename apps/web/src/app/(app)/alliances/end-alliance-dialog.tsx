"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { WebRouterOutputs } from "@truce/api";
import { endAllianceInput } from "@truce/api/schemas/alliance";
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
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { today } from "../conflicts/conflict-fields";

type Alliance = WebRouterOutputs["alliance"]["list"]["items"][number];

/**
 * Ends an alliance from the version the list shows, on its last day (today unless changed): a
 * dialog that confirms it. Refused as stale if it changed meanwhile: the dialog says so and
 * the list is read again.
 */
export function EndAllianceDialog({
  alliance,
  refetch,
}: {
  alliance: Alliance;
  refetch: () => unknown;
}) {
  const t = useTranslations("conflicts.alliances.end");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation(trpc.alliance.end.mutationOptions());
  const names = { a: alliance.groupA.name, b: alliance.groupB.name };
  const { form, formError, onSubmit, clearFormError } = useServerForm({
    schema: endAllianceInput,
    defaultValues: { toOn: today() },
    values: { id: alliance.id, version: alliance.version, toOn: today() },
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (values) => {
      await mutation.mutateAsync(values);
      await queryClient.invalidateQueries(trpc.alliance.list.pathFilter());
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
        <Button variant="outline" size="sm" aria-label={t("triggerFor", names)}>
          {t("trigger")}
        </Button>
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
              <DialogDescription>{t("description", names)}</DialogDescription>
            </DialogHeader>
            {formError ? (
              <Alert variant="destructive">
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            ) : null}
            <FormField
              control={form.control}
              name="toOn"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t("toOn")}</FormLabel>
                  <FormControl>
                    <Input
                      type="date"
                      {...field}
                      value={field.value ?? ""}
                      min={alliance.fromOn ?? undefined}
                      max={today()}
                    />
                  </FormControl>
                  <FormDescription>{t("hint")}</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
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
