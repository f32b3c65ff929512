import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import apiErrorsEn from "../messages/api-errors/en.json";
import apiErrorsSv from "../messages/api-errors/sv.json";
import en from "../messages/en.json";
import sv from "../messages/sv.json";
import validationEn from "../messages/validation/en.json";
import validationSv from "../messages/validation/sv.json";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./i18n";

/**
 * The shared catalog, in parts: the interface's own texts, the API's error messages
 * (`apiErrors.*`, the keys an AppError carries) and the input rules' messages
 * (`validation.*`, the keys the shared zod schemas carry). Each part has its own top-level
 * namespace, so they merge without overlap.
 */
const common: Record<Locale, Record<string, unknown>> = {
  en: { ...en, ...apiErrorsEn, ...validationEn },
  sv: { ...sv, ...apiErrorsSv, ...validationSv },
};

/**
 * next-intl's request configuration for an app: the language from the cookie or the
 * browser, the shared catalog (shell, sign-in, tables, errors) plus the app's own, and the
 * time zone every date is shown in (the programme's, @truce/db/programme-calendar, which the
 * app passes: this package imports nothing of the database's).
 */
export function createRequestConfig(
  timeZone: string,
  loadAppMessages: (locale: Locale) => Promise<Record<string, unknown>>,
) {
  return getRequestConfig(async () => {
    const locale = resolveLocale(
      (await cookies()).get(LOCALE_COOKIE)?.value,
      (await headers()).get("accept-language"),
    );
    return {
      locale,
      timeZone,
      messages: { ...common[locale], ...(await loadAppMessages(locale)) },
    };
  });
}
