"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { setUserDisabledInput } from "@truce/api/schemas/user";
import { useServerForm } from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { ConfirmButton } from "./confirm-button";

/**
 * Disables or enables a whole account, in every agency: a platform admin's action.
 * Disabling ends the user's sessions at once, so it asks first. A versioned change: made
 * against the version this page shows, refused (and said so in the dialog) if the account
 * changed meanwhile.
 */
export function DisableUserButton({
  user,
  onDone,
}: {
  user: { id: string; name: string; disabled: boolean; version: number };
  onDone: () => void;
}) {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const mutation = useMutation(trpc.user.setDisabled.mutationOptions({ onSettled: onDone }));
  const disable = !user.disabled;
  const { formError, onSubmit, clearFormError } = useServerForm({
    schema: setUserDisabledInput,
    defaultValues: {},
    values: { userId: user.id, disabled: disable, version: user.version },
    submit: (values) => mutation.mutateAsync(values),
    afterSuccess: "keep",
  });
  return (
    <ConfirmButton
      label={disable ? t("disable") : t("enable")}
      confirmLabel={disable ? t("disable") : t("enable")}
      title={
        disable
          ? t("confirmDisableTitle", { name: user.name })
          : t("confirmEnableTitle", { name: user.name })
      }
      description={disable ? t("confirmDisable") : t("confirmEnable")}
      destructive={disable}
      onConfirm={onSubmit}
      error={formError}
      onOpen={clearFormError}
    />
  );
}
