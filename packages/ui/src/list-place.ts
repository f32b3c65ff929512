import { z } from "zod";

// Pure, and no client module: a server page reads the same place from its searchParams.

/**
 * Where a list stands: its search, its page and its filters (and order), all kept in the
 * address. `filters` holds only what the address sets, each valid by the procedure's rule.
 */
export interface ListPlace<F extends object = Record<never, never>> {
  search: string;
  page: number;
  filters: F;
}

/** The address's parameters, as a server page gets them and as the browser has them. */
export type AddressParams = Record<string, string | string[] | undefined>;

/**
 * Reads a list's place from the address's parameters (`?q=…&page=…&status=…`), as the server
 * page gets them (`await searchParams`) and as the browser has them, so the server's prefetch
 * is the very query the browser then asks for.
 */
export type ReadListPlace<F extends object = Record<never, never>> = (
  params: AddressParams,
) => ListPlace<F>;

/** A filter's rule: the list procedure's own field schema (`shape.status`, `shape.sort`). */
type FilterRules = Record<string, z.ZodType<unknown, string | undefined>>;

/** The filters a place holds: each one the address sets, as its rule reads it. */
export type FiltersOf<R extends FilterRules> = {
  [K in keyof R]?: Exclude<z.output<R[K]>, undefined>;
};

/**
 * A ReadListPlace by the list procedure's own rules for its search, page and filters (its
 * input schema's `shape.search`, `shape.page` and e.g. `shape.status`): what the procedure
 * would refuse in an address typed by hand is left out, part by part (the first page, no
 * search, no such filter), and the procedure's defaults apply to what is left out.
 */
export function listPlaceReader<R extends FilterRules = Record<never, never>>(rules: {
  search: z.ZodType<string>;
  page: z.ZodType<number, number>;
  filters?: R;
}): ReadListPlace<FiltersOf<R>> {
  const fromAddress = z.object({
    q: rules.search.catch(""),
    page: z.coerce.number().pipe(rules.page).catch(1),
  });
  const filterRules = Object.entries(rules.filters ?? {});
  return (params) => {
    const { q, page } = fromAddress.parse(params);
    const filters: Record<string, unknown> = {};
    for (const [name, rule] of filterRules) {
      const value = params[name];
      if (typeof value !== "string" || value === "") continue;
      const parsed = rule.safeParse(value);
      if (parsed.success && parsed.data !== undefined) filters[name] = parsed.data;
    }
    return { search: q, page, filters: filters as FiltersOf<R> };
  };
}

/** The list's address: only what differs from the first page of everything. */
export function listHref(
  pathname: string,
  { search, page, filters = {} }: Omit<ListPlace, "filters"> & { filters?: object },
): string {
  const params = new URLSearchParams();
  if (search) params.set("q", search);
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== "") params.set(name, String(value));
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}
