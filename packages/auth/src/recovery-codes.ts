import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: the codes are read off paper and typed by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A fresh code such as "k7mq-x2pd-9hwe": 12 characters from 31, about 59 bits. */
export function newRecoveryCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}

/** What a person typed, without case, spaces or dashes. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  const code = normalizeRecoveryCode(input);
  return code.length === GROUPS * GROUP_LENGTH && [...code].every((c) => ALPHABET.includes(c));
}

function digest(salt: string, code: string): Buffer {
  return createHash("sha256")
    .update(`${salt}:${normalizeRecoveryCode(code)}`)
    .digest();
}

/**
 * Salted SHA-256 rather than argon2: the codes are random (not chosen by people), a
 * sign-in compares against up to ten of them, and ASVS accepts a salted approved hash for
 * lookup secrets below 112 bits. Stored as `<salt>:<hash>`, both hex.
 */
export function hashRecoveryCode(code: string): string {
  const salt = randomBytes(16).toString("hex");
  return `${salt}:${digest(salt, code).toString("hex")}`;
}

export function recoveryCodeMatches(stored: string, input: string): boolean {
  const [salt, hash] = stored.split(":");
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, "hex");
  const actual = digest(salt, input);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
