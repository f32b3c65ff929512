import { z } from "zod";
import { FIELD_LIMITS } from "@truce/db/field-limits";

// A page number out of range comes from a hand-edited address, not from a field.
// Pages reach only as deep as a count is exact (FIELD_LIMITS.count): an offset costs a read
// of every row it skips, so the first row of a page stays under the cap, and beyond it a
// search narrows the list instead.
export const pageInput = z
  .object({
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
  })
  .refine(({ page, pageSize }) => (page - 1) * pageSize < FIELD_LIMITS.count.max, {
    message: "validation.common.pageBeyondCount",
    path: ["page"],
    // Only for a page and a size that are each valid, so that one mistake gets one message.
    when: ({ issues }) => issues.length === 0,
  });
export type PageInput = z.infer<typeof pageInput>;

export interface Page<T> {
  items: T[];
  /** Exact up to FIELD_LIMITS.count.max; when `totalCapped`, there are more. */
  total: number;
  totalCapped: boolean;
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
