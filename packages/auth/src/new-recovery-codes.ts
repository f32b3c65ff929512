import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { z } from "zod";
import type { TruceApp } from "./actor";
import { cookiePrefix } from "./session-cookie";
import { authEnv } from "./env";
import { authSecret } from "./server-secret";

// New recovery codes exist in clear text only between the server action that made them and
// the page that shows them. That page is a fresh request after a redirect: a change of
// factors gives the session a new token, and only a redirect renders with it (the render
// that follows a server action in the same request still reads the old cookie, whose
// version is now refused). So the action puts the codes in a short-lived cookie, encrypted
// like the session token (next-auth's JWE, a key derived from AUTH_SECRET) and bound to the
// session; the page shows them, and "I have saved my codes" deletes the cookie.

const MAX_AGE_SECONDS = 10 * 60;

const payloadSchema = z.object({
  sessionId: z.string().uuid(),
  codes: z.array(z.string().max(32)).max(20),
  /** Where "I have saved my codes" goes on to: a path on this origin. */
  next: z.string().regex(/^\/(?![/\\])/),
});

const cookieName = (app: TruceApp) => `${cookiePrefix(app)}.new-recovery-codes`;

/** In a server action: the codes to show once on the next page of this session. */
export async function keepCodesToShow(
  app: TruceApp,
  payload: z.infer<typeof payloadSchema>,
): Promise<void> {
  const name = cookieName(app);
  const value = await encode({
    token: payload,
    secret: authSecret(),
    salt: name,
    maxAge: MAX_AGE_SECONDS,
  });
  (await cookies()).set(name, value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: authEnv.TRUCE_SECURE_COOKIES,
    maxAge: MAX_AGE_SECONDS,
  });
}

/** In a page: the new codes of this session, if any wait to be shown. */
export async function codesToShow(
  app: TruceApp,
  sessionId: string | undefined,
): Promise<{ codes: string[]; next: string } | null> {
  const name = cookieName(app);
  const value = (await cookies()).get(name)?.value;
  if (!value || !sessionId) return null;
  try {
    const parsed = payloadSchema.safeParse(
      await decode({ token: value, secret: authSecret(), salt: name }),
    );
    return parsed.success && parsed.data.sessionId === sessionId
      ? { codes: parsed.data.codes, next: parsed.data.next }
      : null;
  } catch {
    // expired, or not made by this server
    return null;
  }
}

/** In a server action: the codes have been seen; returns where to go on to. */
export async function forgetCodesToShow(app: TruceApp, sessionId: string | undefined) {
  const shown = await codesToShow(app, sessionId);
  (await cookies()).delete(cookieName(app));
  return shown?.next ?? "/";
}
