import { z } from "zod";

/**
 * Text from a person, trimmed and bounded. PostgreSQL refuses a NUL byte in text (as an
 * internal error), so it is refused here first, as invalid input with a clear message.
 */
export function plainText(max: number, tooLong = `Keep it under ${max} characters.`) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((value) => !value.includes("\u0000"), "Remove the control characters from the text.");
}

/** A search box: optional, at most 100 characters. */
export const searchText = plainText(100, "Search for at most 100 characters.").default("");
