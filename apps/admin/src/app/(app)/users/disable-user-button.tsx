"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
  Button,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/** Disabling ends the user's sessions at once, so it asks first. */
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
  const next = !user.disabled;
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant={next ? "outline" : "secondary"} size="sm" disabled={mutation.isPending}>
          {next ? t("disable") : t("enable")}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {next
              ? t("confirmDisableTitle", { name: user.name })
              : t("confirmEnableTitle", { name: user.name })}
          </AlertDialogTitle>
          <AlertDialogDescription>
            {next ? t("confirmDisable") : t("confirmEnable")}
          </AlertDialogDescription>
        </AlertDialogHeader>
        {mutation.isError ? (
          <p className="text-sm text-destructive">{mutation.error.message}</p>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
          <AlertDialogAction
            onClick={() =>
              mutation.mutate({ userId: user.id, disabled: next, version: user.version })
            }
          >
            {next ? t("disable") : t("enable")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
