"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { endGroupMembershipInput } from "@truce/api/schemas/group";
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
import { today } from "~/components/today";
import { useTRPC } from "~/trpc/react";

/**
 * Ends a membership from the version the profile shows, on its last day (today unless
 * changed): a dialog that confirms it. Refused as stale if the membership changed meanwhile:
 * the dialog says so and the profile is read again.
 */
export function EndMembershipDialog({
  membership,
  personName,
  groupId,
  refetch,
}: {
  membership: { id: string; version: number; fromOn: string | null };
  personName: string;
  groupId: string;
  refetch: () => unknown;
}) {
  const t = useTranslations("groups.endMembership");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mutation = useMutation(trpc.group.endMembership.mutationOptions());
  const server = useServerForm({
    schema: endGroupMembershipInput,
    defaultValues: { toOn: today() },
    values: { membershipId: membership.id, version: membership.version, toOn: today() },
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (values) => {
      await mutation.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(trpc.group.byId.queryFilter({ id: groupId })),
        queryClient.invalidateQueries(trpc.group.list.pathFilter()),
      ]);
    },
  });
  const { form } = server;
  return (
    <FormDialog
      trigger={
        <Button variant="outline" size="sm" aria-label={t("triggerFor", { name: personName })}>
          {t("trigger")}
        </Button>
      }
      title={t("title")}
      description={t("description", { name: personName })}
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
                min={membership.fromOn ?? undefined}
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
