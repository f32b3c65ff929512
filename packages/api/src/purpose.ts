import { z } from "zod";
import { accessLog } from "@truce/db/schema";

/** The cookie in which the apps keep the purpose chosen for this session. */
export const PURPOSE_COOKIE = "truce-purpose";

export const purposeSchema = z.enum(accessLog.purpose.enumValues);
export type Purpose = z.infer<typeof purposeSchema>;

/**
 * The purpose of the session's reads, from the request's cookie. It is the user's own
 * declaration (they may change it at any time), so it needs no signature, only validation.
 */
export function purposeFromHeaders(headers: Headers): Purpose | null {
  const cookie = headers.get("cookie") ?? "";
  for (const part of cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === PURPOSE_COOKIE) {
      const parsed = purposeSchema.safeParse(decodeURIComponent(rest.join("=")));
      return parsed.success ? parsed.data : null;
    }
  }
  return null;
}
