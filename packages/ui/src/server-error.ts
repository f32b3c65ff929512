"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";

/**
 * What a failed call carries, by its shape: a tRPC client error as the apps' routers format
 * it (packages/api trpc.ts). Typed here structurally, because this package does not import
 * the API (the import order, eslint.config.mjs). Every text in it is a key of the shared
 * catalog (`apiErrors.*`, and `validation.*` in `zodError`), never prose for the screen.
 */
export interface ServerError {
  message: string;
  data?: {
    /** The tRPC code, e.g. "CONFLICT" for a stale version. */
    code?: string;
    messageKey?: string | null;
    messageParams?: Record<string, string | number> | null;
    /** z.flattenError of the input that was refused, its messages keys. */
    zodError?: {
      formErrors: string[];
      fieldErrors: Partial<Record<string, string[]>>;
    } | null;
  } | null;
}

export type TranslateMessage = (
  key: string | null | undefined,
  params?: Record<string, string | number> | null,
) => string;

/** Said whenever a key is missing, unknown to the catalog, or not a key at all. */
const FALLBACK = "errors.unknown";

/** The part of a next-intl translator (root namespace) that a message key needs. */
interface RootTranslator {
  (key: string, params?: Record<string, string | number>): string;
  has(key: string): boolean;
  raw(key: string): unknown;
}

/**
 * Translates a key that came from elsewhere (the server, a shared schema): the key's text in
 * the user's language, or the generic message when the catalog has no text under it. A raw
 * key never reaches the screen.
 */
function messageTranslator(t: RootTranslator): TranslateMessage {
  return (key, params) =>
    key && t.has(key) && typeof t.raw(key) === "string" ? t(key, params ?? {}) : t(FALLBACK);
}

/** messageTranslator over next-intl's root translator for this render. */
export function useTranslateMessage(): TranslateMessage {
  const t = useTranslations();
  return useMemo(() => messageTranslator(t), [t]);
}

/** The text to show for a failed call: its message key, translated. */
export function useErrorMessage(): (error: ServerError) => string {
  const translate = useTranslateMessage();
  return useCallback(
    (error) => translate(error.data?.messageKey, error.data?.messageParams),
    [translate],
  );
}
