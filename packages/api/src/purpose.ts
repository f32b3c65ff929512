import { z } from "zod";
import { ACCESS_PURPOSES } from "@truce/db/enum-values";

/** The cookie in which the apps keep the purpose chosen for this session. */
export const PURPOSE_COOKIE = "truce-purpose";

export const purposeSchema = z.enum(ACCESS_PURPOSES);
export type Purpose = z.infer<typeof purposeSchema>;

/** A cookie value as the browser sent it, or null where it is not valid percent-encoding. */
function decodeCookieValue(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The purpose of the session's reads, from the request's cookie. It is the user's own
 * declaration (they may change it at any time), so it needs no signature, only validation:
 * anything but one of the purposes, garbled encoding included, counts as no purpose.
 */
export function purposeFromHeaders(headers: Headers): Purpose | null {
  const cookie = headers.get("cookie") ?? "";
  for (const part of cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === PURPOSE_COOKIE) {
      const parsed = purposeSchema.safeParse(decodeCookieValue(rest.join("=")));
      return parsed.success ? parsed.data : null;
    }
  }
  return null;
}
