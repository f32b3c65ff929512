import { z } from "zod";
import { FIELD_LIMITS } from "@truce/db/field-limits";

// A page number out of range comes from a hand-edited address, not from a field.
export const pageInput = z.object({
  page: z
    .number({ error: "validation.common.page" })
    .int("validation.common.page")
    .min(FIELD_LIMITS.page.min, "validation.common.page")
    .max(FIELD_LIMITS.page.max, "validation.common.page")
    .default(1),
  pageSize: z
    .number({ error: "validation.common.pageSize" })
    .int("validation.common.pageSize")
    .min(FIELD_LIMITS.pageSize.min, "validation.common.pageSize")
    .max(FIELD_LIMITS.pageSize.max, "validation.common.pageSize")
    .default(FIELD_LIMITS.pageSize.default),
});
export type PageInput = z.infer<typeof pageInput>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function offsetOf({ page, pageSize }: PageInput): number {
  return (page - 1) * pageSize;
}

/** Escapes LIKE wildcards so a search for "50%" finds the text, not everything. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
