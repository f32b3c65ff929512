import { z } from "zod";

// Pure, and no client module: a server page reads the same place from its searchParams.

/** Where a list stands: its search and its page, both kept in the address. */
export interface ListPlace {
  search: string;
  page: number;
}

/**
 * Reads a list's place from the address's parameters (`?q=…&page=…`), as the server page
 * gets them (`await searchParams`) and as the browser has them, so the server's prefetch is
 * the very query the browser then asks for.
 */
export type ReadListPlace = (params: Record<string, string | string[] | undefined>) => ListPlace;

/**
 * A ReadListPlace by the list procedure's own rules for its search and page (its input
 * schema's `shape.search` and `shape.page`): an address typed by hand with what the
 * procedure would refuse falls back to the first page of everything.
 */
export function listPlaceReader(rules: {
  search: z.ZodType<string>;
  page: z.ZodType<number, number>;
}): ReadListPlace {
  const fromAddress = z.object({
    q: rules.search.catch(""),
    page: z.coerce.number().pipe(rules.page).catch(1),
  });
  return (params) => {
    const { q, page } = fromAddress.parse(params);
    return { search: q, page };
  };
}

/** The list's address: only what differs from the first page of everything. */
export function listHref(pathname: string, { search, page }: ListPlace): string {
  const params = new URLSearchParams();
  if (search) params.set("q", search);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
