"use client";

import { useState, type ReactElement, type ReactNode } from "react";
import type { FieldValues } from "react-hook-form";

import { Alert, AlertDescription } from "./alert";
import { Button } from "./button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "./dialog";
import { Form } from "./form";
import type { ServerForm } from "./server-form";

export interface FormDialogProps<TInput extends FieldValues, TOutput> {
  /** The button that opens the dialog: one element (Radix's trigger renders it as itself). */
  trigger: ReactElement;
  /** The dialog's accessible name. */
  title: ReactNode;
  description: ReactNode;
  /**
   * What useServerForm returns: its form holds the fields, its form-level message shows inside
   * the dialog (and is forgotten when the dialog opens again), and its submit closes the dialog
   * once the server took the change; a refusal keeps it open with what was typed.
   */
  server: Pick<ServerForm<TInput, TOutput>, "form" | "formError" | "onSubmit" | "clearFormError">;
  /** The dialog opens, after the last refusal is forgotten: e.g. a reset of the fields. */
  onOpen?: () => void;
  submitLabel: string;
  cancelLabel: string;
  /** The submit button's label while the form is sent; `submitLabel` if not given. */
  submittingLabel?: string;
  /** The submit takes something away: the destructive button. */
  destructive?: boolean;
  /** Disables the submit beyond while sending (e.g. nothing chosen yet). */
  submitDisabled?: boolean;
  /** Classes of the dialog's content (e.g. a taller form). */
  className?: string;
  /** The open state, when the caller holds it; else the dialog holds its own. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** The fields. */
  children: ReactNode;
}

/**
 * The one dialog with a server form: a trigger, a title and description, the form-level
 * refusal, the fields, and Cancel and submit. Radix's Dialog gives the focus (into the dialog,
 * back to the trigger), Escape and the trap; the dialog closes only once the server has taken
 * the change.
 */
export function FormDialog<TInput extends FieldValues, TOutput>({
  trigger,
  title,
  description,
  server: { form, formError, onSubmit, clearFormError },
  onOpen,
  submitLabel,
  cancelLabel,
  submittingLabel,
  destructive = false,
  submitDisabled = false,
  className,
  open: openProp,
  onOpenChange,
  children,
}: FormDialogProps<TInput, TOutput>) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    if (openProp === undefined) setOpenState(next);
    onOpenChange?.(next);
    if (next) {
      clearFormError();
      onOpen?.();
    }
  };
  const submitting = form.formState.isSubmitting;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className={className}>
        <Form {...form}>
          <form
            noValidate
            className="space-y-4"
            onSubmit={(event) => {
              void onSubmit(event).then((taken) => taken && setOpen(false));
            }}
          >
            <DialogHeader>
              <DialogTitle>{title}</DialogTitle>
              <DialogDescription>{description}</DialogDescription>
            </DialogHeader>
            {formError ? (
              <Alert variant="destructive" data-testid="form-error">
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            ) : null}
            {children}
            <DialogFooter>
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  {cancelLabel}
                </Button>
              </DialogClose>
              <Button
                type="submit"
                variant={destructive ? "destructive" : "default"}
                disabled={submitDisabled || submitting}
              >
                {submitting && submittingLabel ? submittingLabel : submitLabel}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
