import { z } from "zod";
import { FIELD_LIMITS } from "@truce/db/field-limits";

/** A field's limits, from packages/db/src/field-limits.ts. */
export interface TextLimits {
  min?: number;
  max: number;
}

/**
 * Text from a person, trimmed and bounded by its limits (counted after trimming). `message` is
 * the field's key in packages/ui/messages/validation, one per field, saying what to write: it
 * answers any failure of the field but one. PostgreSQL refuses a NUL byte in text (as an
 * internal error), so it is refused here first, as invalid input with a message of its own.
 */
export function plainText(limits: TextLimits, message: string) {
  const trimmed = z.string({ error: message }).trim();
  const bounded = limits.min === undefined ? trimmed : trimmed.min(limits.min, message);
  return bounded
    .max(limits.max, message)
    .refine((value) => !value.includes("\u0000"), "validation.common.controlCharacters");
}

/** A search box: optional, bounded like every search. */
export const searchText = plainText(FIELD_LIMITS.search, "validation.common.search").default("");
