"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { listHref, type ReadListPlace } from "./list-place";

/** How long typing pauses before the search runs. */
const SEARCH_PAUSE_MS = 300;

/**
 * A list whose search, page and filters live in the address, so they survive a reload, a
 * link and the back button. `draft` is the search box as typed; the address (and so the
 * query) follows once typing pauses, starting again at page one, as a change of filter does.
 *
 * The address changes with the browser's own `history.replaceState`, which Next.js keeps in
 * step with `useSearchParams`: the list's query fetches the new page itself, and no server
 * render runs. A `router.replace` would render the page on the server again and show the
 * route's loading state meanwhile, unmounting whatever the person had open (a dialog on a
 * row) for every keystroke of a search.
 */
export function useUrlList<F extends object>(read: ReadListPlace<F>) {
  const pathname = usePathname();
  const place = read(Object.fromEntries(useSearchParams()));
  const { search, page } = place;
  // The same filters keep the same object, so the search's timer is not reset by a render.
  const filtersKey = JSON.stringify(place.filters);
  const filters = useMemo(() => JSON.parse(filtersKey) as F, [filtersKey]);
  const [draft, setDraft] = useState(search);

  useEffect(() => {
    const wanted = draft.trim();
    if (wanted === search) return;
    const timer = setTimeout(
      () => go(listHref(pathname, { search: wanted, page: 1, filters })),
      SEARCH_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [draft, search, filters, pathname]);

  return {
    search,
    page,
    filters,
    draft,
    setDraft,
    /** For DataTable's onPageChange (a zero-based index). */
    goToPage: (index: number) => go(listHref(pathname, { search, page: index + 1, filters })),
    /** Replaces the filters (a filter left out is cleared), back to the first page. */
    setFilters: (next: F) => go(listHref(pathname, { search, page: 1, filters: next })),
    /**
     * Sets one filter from a select (undefined clears it), back to the first page. The value
     * is the select's own string: the address is read again by the procedure's rules, which
     * drop anything they do not accept.
     */
    setFilter: (name: keyof F, value: string | undefined) =>
      go(listHref(pathname, { search, page: 1, filters: { ...filters, [name]: value } as F })),
  };
}

/** Moves the list to `href` in the address bar, without a navigation (see useUrlList). */
function go(href: string): void {
  window.history.replaceState(null, "", href);
}
