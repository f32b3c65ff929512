import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with the OWASP-recommended floor (19 MiB memory, 2 iterations, 1 lane).
 * The algorithm is @node-rs/argon2's default, argon2id; its enum is a const enum that
 * isolated modules cannot reference, so a test checks the prefix of the hash instead.
 */
export const PASSWORD_HASH_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // a malformed stored hash never signs anyone in
    return false;
  }
}

// Verifying against this when no account matches keeps the time of a failed sign-in the same
// whether or not the e-mail address exists.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("truce-no-such-account");
  await verifyPassword(await dummyHash, password);
}
