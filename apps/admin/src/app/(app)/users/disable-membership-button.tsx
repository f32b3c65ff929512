"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { setMembershipDisabledInput } from "@truce/api/schemas/membership";
import { useServerForm } from "@truce/ui";
import type { AdminRouterOutputs as RouterOutputs } from "@truce/api";
import { useTRPC } from "~/trpc/react";
import { ConfirmButton } from "./confirm-button";

type Membership = RouterOutputs["user"]["list"]["items"][number]["memberships"][number];

/**
 * Disables or enables one membership: the user can no longer act in this agency, while
 * their account and their other agencies are untouched. What an agency admin does where a
 * platform admin would disable the account.
 */
export function DisableMembershipButton({
  membership,
  userName,
  onDone,
}: {
  membership: Membership;
  userName: string;
  onDone: () => void;
}) {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const mutation = useMutation(trpc.membership.setDisabled.mutationOptions({ onSettled: onDone }));
  const disable = !membership.disabled;
  const names = { name: userName, agency: membership.agencyName };
  const { formError, onSubmit, clearFormError } = useServerForm({
    schema: setMembershipDisabledInput,
    defaultValues: {},
    values: { membershipId: membership.id, disabled: disable, version: membership.version },
    submit: (values) => mutation.mutateAsync(values),
    afterSuccess: "keep",
  });
  return (
    <ConfirmButton
      label={
        disable
          ? t("disableIn", { agency: membership.agencyName })
          : t("enableIn", { agency: membership.agencyName })
      }
      confirmLabel={disable ? t("disable") : t("enable")}
      title={
        disable
          ? t("confirmDisableMembershipTitle", names)
          : t("confirmEnableMembershipTitle", names)
      }
      description={
        disable ? t("confirmDisableMembership", names) : t("confirmEnableMembership", names)
      }
      destructive={disable}
      onConfirm={onSubmit}
      error={formError}
      onOpen={clearFormError}
    />
  );
}
