"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { endAllianceInput } from "@truce/api/schemas/alliance";
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
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { today } from "~/components/today";

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
  const mutation = useMutation(trpc.alliance.end.mutationOptions());
  const names = { a: alliance.groupA.name, b: alliance.groupB.name };
  const server = useServerForm({
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
  const { form } = server;
  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={t("triggerFor", names)}>
          {t("trigger")}
        </Button>
      }
      title={t("title")}
      description={t("description", names)}
      server={server}
      submitLabel={t("confirm")}
      cancelLabel={t("cancel")}
    >
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
    </FormDialog>
  );
}
