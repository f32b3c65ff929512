import { decode, type JWT } from "next-auth/jwt";
import type { SessionClaims, TruceApp } from "./actor";
import { authEnv } from "./env";
import { readToken } from "./session";

/**
 * The start of an app's cookie names. Both apps run on one host in development (ports 3000
 * and 3001 share cookies), so each app's cookies carry its own name.
 */
export function cookiePrefix(app: TruceApp): string {
  return `${authEnv.TRUCE_SECURE_COOKIES ? "__Secure-" : ""}truce-${app}`;
}

/** The name of an app's session cookie (or the start of each chunk's name, `.0`, `.1`, …). */
export function sessionCookieName(app: TruceApp): string {
  return `${cookiePrefix(app)}.session-token`;
}

/**
 * The claims of the app's session in a request's cookies, or null: what next-auth's `auth()`
 * returns as `claims`, for the API, by decrypting the token only. `auth()` runs next-auth's
 * session action, which re-encrypts a new token on every call; the API gets that token as a
 * Set-Cookie it never sends (`auth()` outside a route of its own drops it), so the work is
 * wasted there. The token is read the way next-auth reads it (its chunks, its `decode` with
 * the cookie's name as salt, which also checks the expiry, the idle timeout), and it counts
 * by the same rule as the jwt and session callbacks (`readToken`: signed in within the
 * absolute lifetime; a pending sign-in is no session).
 *
 * Renewing stays where it was: only next-auth's session endpoint (`/api/auth/session`, which
 * the signed-in frame asks while the person is active) sets a new cookie.
 */
export async function readSessionClaims(
  app: TruceApp,
  headers: Headers,
  now: Date = new Date(),
): Promise<SessionClaims | null> {
  const secret = authEnv.AUTH_SECRET;
  const name = sessionCookieName(app);
  const token = sessionToken(name, headers.get("cookie") ?? "");
  if (!secret || !token) return null;
  const payload = await decrypted(token, secret, name, now);
  const state = readToken(
    payload && { claims: payload.claims, signedInAt: payload.signedInAt, pending: payload.pending },
    now,
  );
  return state.kind === "signed_in" ? state.claims : null;
}

type Payload = JWT;

/** How many decrypted tokens are kept: far more sessions than one server holds at once. */
export const DECRYPTED_TOKENS_KEPT = 2000;
const decryptedTokens = new Map<string, { payload: Payload; expiresAt: number }>();
/** The seconds past `exp` that next-auth's `decode` still accepts (its jose clockTolerance). */
const CLOCK_TOLERANCE_SECONDS = 15;

/**
 * The token's payload, or null: tampered, another app's (another salt, so another key),
 * expired or not a JWE at all. Decrypting costs about a millisecond of CPU (a key derived by
 * HKDF and two WebCrypto keys imported, every time), and a browser sends the same token
 * with every call until the session endpoint renews it, so a token that decrypted is kept,
 * by its whole text and the cookie's name (its salt), until its own expiry, which is checked
 * again on every read with the tolerance `decode` allows. Only valid tokens
 * are kept, so garbage costs its decryption as before and takes no room; the oldest goes
 * when the map is full. Nothing else is skipped: loadActor still checks the user, the
 * session version and the revoked sessions on every call.
 */
async function decrypted(
  token: string,
  secret: string,
  salt: string,
  now: Date,
): Promise<Payload | null> {
  const key = `${salt} ${token}`;
  const kept = decryptedTokens.get(key);
  if (kept) {
    if (now.getTime() < kept.expiresAt) return kept.payload;
    decryptedTokens.delete(key);
    return null;
  }
  const payload = await decode({ token, secret, salt }).catch(() => null);
  // next-auth sets an expiry on every token it issues: one without is none of its own.
  if (!payload || typeof payload.exp !== "number") return null;
  const expiresAt = (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000;
  if (now.getTime() >= expiresAt) return null;
  if (decryptedTokens.size >= DECRYPTED_TOKENS_KEPT) {
    decryptedTokens.delete(decryptedTokens.keys().next().value!);
  }
  decryptedTokens.set(key, { payload, expiresAt });
  return payload;
}

/**
 * The token as @auth/core's SessionStore joins it: every cookie whose name starts with the
 * session cookie's (the whole token, or its chunks `.0`, `.1`, … when it is too long for one
 * cookie), ordered by the number after the last dot. The cookie header is parsed as its
 * vendored `cookie.parse` does: the first of two cookies of one name counts, values are
 * percent-decoded where they can be.
 */
function sessionToken(name: string, cookieHeader: string): string {
  const chunks = new Map<string, string>();
  const seen = new Set<string>();
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim();
    if (seen.has(key)) continue;
    seen.add(key);
    const value = decodeCookieValue(part.slice(eq + 1).trim());
    if (key.startsWith(name) && value) chunks.set(key, value);
  }
  const suffix = (key: string) => parseInt(key.split(".").pop() || "0");
  return [...chunks.keys()]
    .sort((a, b) => suffix(a) - suffix(b))
    .map((key) => chunks.get(key))
    .join("");
}

function decodeCookieValue(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
