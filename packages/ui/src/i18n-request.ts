import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import en from "../messages/en.json";
import sv from "../messages/sv.json";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./i18n";

const common: Record<Locale, Record<string, unknown>> = { en, sv };

/**
 * next-intl's request configuration for an app: the language from the cookie or the
 * browser, the shared catalog (shell, sign-in, tables, errors) plus the app's own.
 */
export function createRequestConfig(
  loadAppMessages: (locale: Locale) => Promise<Record<string, unknown>>,
) {
  return getRequestConfig(async () => {
    const locale = resolveLocale(
      (await cookies()).get(LOCALE_COOKIE)?.value,
      (await headers()).get("accept-language"),
    );
    return {
      locale,
      timeZone: "Europe/Stockholm",
      messages: { ...common[locale], ...(await loadAppMessages(locale)) },
    };
  });
}
