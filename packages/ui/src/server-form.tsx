"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useRef, useState, type BaseSyntheticEvent } from "react";
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";
import { useTranslateMessage, type ServerError, type TranslateMessage } from "./server-error";

export interface ServerFormOptions<TInput extends FieldValues, TOutput> {
  /** The procedure's own input schema (@truce/api/schemas/<domain>): one rule, both sides. */
  schema: z.ZodType<TOutput, TInput>;
  /**
   * The fields the person fills in, and where they start. A server error on any other name
   * (an id, a version) is said at form level, since no field shows it.
   */
  defaultValues: DefaultValues<TInput>;
  /**
   * Everything sent, as the server has it now (a record's id and version, its fields): kept in
   * step as the record changes, while what the person changed stays theirs (react-hook-form
   * `values` with `keepDirtyValues`).
   */
  values?: TInput;
  /** Sends the checked values, e.g. a mutation's `mutateAsync`; rejects with the server's error. */
  submit: (values: TOutput) => Promise<unknown>;
  /**
   * After a success: "clear" starts again from `defaultValues` (a new record); "keep" makes
   * what was sent the form's new starting point (a change to a record).
   */
  afterSuccess?: "clear" | "keep";
  /**
   * Called when the server refuses the change as stale (someone saved the record meanwhile):
   * fetch the record again (e.g. the query's `refetch`), so that `values` brings the new
   * version and what changed; what the person typed stays, and `changedMeanwhile` says
   * what the other change was.
   */
  onStale?: () => unknown;
}

/** A field that someone else changed while the person was editing, and its value now. */
export interface ChangedMeanwhile {
  name: string;
  now: unknown;
}

export interface ServerForm<TInput extends FieldValues, TOutput> {
  form: UseFormReturn<TInput, unknown, TOutput>;
  /** The form-level message (a refusal, a stale version, a failure), translated; else null. */
  formError: string | null;
  /**
   * For `<form onSubmit>`, or to call after a control changed; resolves to whether the
   * server took it (e.g. to close a dialog).
   */
  onSubmit: (event?: BaseSyntheticEvent) => Promise<boolean>;
  /** Forgets the form-level message (e.g. when its dialog opens again). */
  clearFormError: () => void;
  /**
   * After a stale refusal, the fields whose saved value differs from the one the form
   * started from, with the value now saved; empty otherwise. The form shows them beside
   * what the person typed, so they can decide before saving again.
   */
  changedMeanwhile: ChangedMeanwhile[];
}

/** zodResolver whose messages, keys in the shared schemas, come out translated. */
export function translatedResolver<TInput extends FieldValues, TOutput>(
  schema: z.ZodType<TOutput, TInput>,
  translate: TranslateMessage,
): Resolver<TInput, unknown, TOutput> {
  const check = zodResolver(schema);
  // react-hook-form nests errors like the values; a leaf has `type`, and `ref` is an element.
  const walk = (node: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(node).map(([name, value]) => {
        if (name === "ref" || typeof value !== "object" || value === null) return [name, value];
        const child = value as Record<string, unknown>;
        const translated = walk(child);
        if (typeof child.type === "string" && typeof child.message === "string") {
          translated.message = translate(child.message);
        }
        return [name, translated];
      }),
    );
  return async (...args) => {
    const result = await check(...args);
    if (Object.keys(result.errors).length === 0) return result;
    return { values: {}, errors: walk(result.errors) as FieldErrors<TInput> };
  };
}

/**
 * The fields whose value in `now` (the record as the server has it now) differs from
 * `startedFrom` (as the form started from it), with their value now. A field that is empty in
 * one and missing in the other has not changed.
 */
export function changedSince(
  startedFrom: object | undefined,
  now: object | undefined,
  fields: readonly string[],
): ChangedMeanwhile[] {
  if (!startedFrom || !now) return [];
  const before = startedFrom as Record<string, unknown>;
  const after = now as Record<string, unknown>;
  return fields
    .filter((name) => JSON.stringify(before[name] ?? null) !== JSON.stringify(after[name] ?? null))
    .map((name) => ({ name, now: after[name] }));
}

function isServerError(error: unknown): error is ServerError {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as ServerError).message === "string"
  );
}

type FormMethods<TInput extends FieldValues, TOutput> = Pick<
  UseFormReturn<TInput, unknown, TOutput>,
  "handleSubmit" | "setError" | "reset" | "getValues"
>;

/**
 * The submit handler of a server form: checks, sends, and on a refusal puts each field error
 * on its field and everything else in one form-level message, leaving what was typed as it
 * is. Only a success starts the form again. (useServerForm's core, kept free of React state.)
 */
export function serverSubmit<TInput extends FieldValues, TOutput>(
  form: FormMethods<TInput, TOutput>,
  {
    fields,
    submit,
    translate,
    afterSuccess,
    setFormError,
    onStale,
    onSuccess,
  }: {
    fields: readonly string[];
    submit: (values: TOutput) => Promise<unknown>;
    translate: TranslateMessage;
    afterSuccess: "clear" | "keep";
    setFormError: (message: string | null) => void;
    /** A refusal as stale (CONFLICT): the record changed meanwhile. */
    onStale?: () => void;
    onSuccess?: () => void;
  },
): (event?: BaseSyntheticEvent) => Promise<boolean> {
  const refused = (error: unknown) => {
    const data = isServerError(error) ? error.data : null;
    if (data?.code === "CONFLICT") onStale?.();
    const fieldErrors = Object.entries(data?.zodError?.fieldErrors ?? {});
    const onFields = fieldErrors.filter(([name]) => fields.includes(name));
    const elsewhere = fieldErrors.filter(([name]) => !fields.includes(name));
    for (const [name, messages] of onFields) {
      form.setError(name as Path<TInput>, { type: "server", message: translate(messages?.[0]) });
    }
    // A stale version, a rule, a failure, or a field this form does not show: said once.
    if (onFields.length === 0 || elsewhere.length > 0) {
      setFormError(
        data?.messageKey
          ? translate(data.messageKey, data.messageParams)
          : translate(elsewhere[0]?.[1]?.[0]),
      );
    }
  };
  return async (event) => {
    let taken = false;
    await form.handleSubmit(async (checked) => {
      setFormError(null);
      try {
        await submit(checked);
      } catch (error) {
        refused(error);
        return;
      }
      taken = true;
      onSuccess?.();
      if (afterSuccess === "clear") form.reset();
      else form.reset(form.getValues());
    })(event);
    return taken;
  };
}

/**
 * A form checked in the browser and on the server by the same zod schema: its messages are
 * keys (`validation.*`), shown translated; the server's field errors land on their fields,
 * and anything else it says (a stale version, a rule, a failure) is one form-level message,
 * translated (`apiErrors.*`). A refusal never loses what the person typed.
 */
export function useServerForm<TInput extends FieldValues, TOutput>({
  schema,
  defaultValues,
  values,
  submit,
  afterSuccess = "clear",
  onStale,
}: ServerFormOptions<TInput, TOutput>): ServerForm<TInput, TOutput> {
  const translate = useTranslateMessage();
  const resolver = useMemo(() => translatedResolver(schema, translate), [schema, translate]);
  const form = useForm<TInput, unknown, TOutput>({
    resolver,
    defaultValues,
    values,
    resetOptions: { keepDirtyValues: true },
  });
  const [formError, setFormError] = useState<string | null>(null);
  // The record as the form started from it (loaded, or last saved), and whether the server
  // has since refused a change as stale: then what differs from it now changed meanwhile.
  const startedFrom = useRef(values);
  const [stale, setStale] = useState(false);
  const fields = Object.keys(defaultValues);
  const onSubmit = serverSubmit(form, {
    fields,
    submit,
    translate,
    afterSuccess,
    setFormError,
    onStale: () => {
      setStale(true);
      onStale?.();
    },
    onSuccess: () => {
      setStale(false);
      startedFrom.current = form.getValues();
    },
  });
  const changedMeanwhile = stale ? changedSince(startedFrom.current, values, fields) : [];
  return {
    form,
    formError,
    onSubmit,
    clearFormError: () => setFormError(null),
    changedMeanwhile,
  };
}
