import { createHmac, timingSafeEqual } from "node:crypto";
import { authEnv } from "./env";

/** AUTH_SECRET, which signs the session tokens too; every app instance has the same one. */
export function authSecret(): string {
  const secret = authEnv.AUTH_SECRET;
  if (!secret) {
    throw new Error(
      "AUTH_SECRET is not set: `npm run dev` makes one in .data/auth-secret; elsewhere set it to at least 32 random characters",
    );
  }
  return secret;
}

/**
 * HMAC-SHA256 under AUTH_SECRET, one key per purpose (so a value made for one use is never
 * accepted for another). For what only this server may make (a grant a client cannot
 * forge) and for what must not be stored readable (an e-mail address as typed).
 */
export function serverHmac(purpose: string, message: string): string {
  const key = createHmac("sha256", authSecret()).update(`truce:${purpose}`).digest();
  return createHmac("sha256", key).update(message).digest("base64url");
}

export function serverHmacMatches(purpose: string, message: string, mac: string): boolean {
  const expected = Buffer.from(serverHmac(purpose, message));
  const actual = Buffer.from(mac);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
