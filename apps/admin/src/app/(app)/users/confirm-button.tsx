"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
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

/**
 * A button that asks before it acts, for changes that sign someone out. The dialog stays
 * open until the change is done, so a refusal (a stale version, a rule) is read where it
 * was asked for, and confirming again retries it.
 */
export function ConfirmButton({
  label,
  confirmLabel,
  title,
  description,
  destructive,
  onConfirm,
  error,
  onOpen,
}: {
  label: string;
  confirmLabel: string;
  title: string;
  description: string;
  /** Whether the action takes something away (disable) rather than gives it back. */
  destructive: boolean;
  /** A server form's submit (useServerForm): resolves to whether the change was made. */
  onConfirm: () => Promise<boolean>;
  /** The refusal to show in the dialog, translated. */
  error: string | null;
  /** The dialog opens: the last refusal is forgotten. */
  onOpen: () => void;
}) {
  const t = useTranslations("users");
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const confirm = async () => {
    setPending(true);
    try {
      if (await onConfirm()) setOpen(false);
    } finally {
      setPending(false);
    }
  };
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) onOpen();
      }}
    >
      <AlertDialogTrigger asChild>
        <Button variant={destructive ? "outline" : "secondary"} size="sm">
          {label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <AlertDialogFooter>
          <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
          <AlertDialogAction
            disabled={pending}
            onClick={(event) => {
              // Closing is ours to do, once the change has succeeded.
              event.preventDefault();
              void confirm();
            }}
          >
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
