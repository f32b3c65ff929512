import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password";

export type NewPasswordCheck =
  { ok: true } | { ok: false; reason: "too_short" | "too_long" | "too_common" };

// zxcvbn-ts's list of the most used passwords (about 49,000, from leaked password sets,
// maintained with the library); only those of a permitted length matter. Built on first use,
// as only setting a password needs it.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    dictionary["passwords-common"]
      .filter((p) => p.length >= PASSWORD_MIN_LENGTH)
      .map((p) => p.toLowerCase()),
  );
  return common;
}

/**
 * The rule for every new password (ASVS level 2): 8 to 128 characters, any characters,
 * no composition rules, and not one of the most common passwords (compared without case,
 * so "Password1" is refused with "password1"). Lengths count characters (code points), so
 * a passphrase in any script is measured as its reader sees it.
 */
export function checkNewPassword(password: string): NewPasswordCheck {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, reason: "too_short" };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, reason: "too_long" };
  if (commonPasswords().has(password.toLowerCase())) return { ok: false, reason: "too_common" };
  return { ok: true };
}
