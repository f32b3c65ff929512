"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { listHref, type ReadListPlace } from "./list-place";

/** How long typing pauses before the search runs. */
const SEARCH_PAUSE_MS = 300;

/**
 * A list whose search, page and filters live in the address, so they survive a reload, a
 * link and the back button. `draft` is the search box as typed; the address (and so the
 * query) follows once typing pauses, starting again at page one, as a change of filter does.
 */
export function useUrlList<F extends object>(read: ReadListPlace<F>) {
  const router = useRouter();
  const pathname = usePathname();
  const place = read(Object.fromEntries(useSearchParams()));
  const { search, page } = place;
  // The same filters keep the same object, so the search's timer is not reset by a render.
  const filtersKey = JSON.stringify(place.filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => place.filters, [filtersKey]);
  const [draft, setDraft] = useState(search);

  useEffect(() => {
    const wanted = draft.trim();
    if (wanted === search) return;
    const timer = setTimeout(
      () =>
        router.replace(listHref(pathname, { search: wanted, page: 1, filters }), { scroll: false }),
      SEARCH_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [draft, search, filters, router, pathname]);

  return {
    search,
    page,
    filters,
    draft,
    setDraft,
    /** For DataTable's onPageChange (a zero-based index). */
    goToPage: (index: number) =>
      router.replace(listHref(pathname, { search, page: index + 1, filters }), { scroll: false }),
    /** Replaces the filters (a filter left out is cleared), back to the first page. */
    setFilters: (next: F) =>
      router.replace(listHref(pathname, { search, page: 1, filters: next }), { scroll: false }),
  };
}
