"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import { ConfirmButton } from "./confirm-button";

/**
 * Disables or enables a whole account, in every agency: a platform admin's action.
 * Disabling ends the user's sessions at once, so it asks first.
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
      onConfirm={() =>
        mutation.mutateAsync({ userId: user.id, disabled: disable, version: user.version })
      }
    />
  );
}
