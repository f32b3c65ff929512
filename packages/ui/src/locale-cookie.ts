import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "./i18n";

const localeInput = z.enum(LOCALES);

/** Remembers the chosen language for a year (call it from a server action). */
export async function storeLocale(locale: unknown): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, localeInput.parse(locale), {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
}
