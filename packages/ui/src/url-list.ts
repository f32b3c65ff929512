"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { listHref, type ReadListPlace } from "./list-place";

/** How long typing pauses before the search runs. */
const SEARCH_PAUSE_MS = 300;

/**
 * A list whose search and page live in the address, so they survive a reload, a link and
 * the back button. `draft` is the search box as typed; the address (and so the query)
 * follows once typing pauses, starting again at page one.
 */
export function useUrlList(read: ReadListPlace) {
  const router = useRouter();
  const pathname = usePathname();
  const { search, page } = read(Object.fromEntries(useSearchParams()));
  const [draft, setDraft] = useState(search);

  useEffect(() => {
    const wanted = draft.trim();
    if (wanted === search) return;
    const timer = setTimeout(
      () => router.replace(listHref(pathname, { search: wanted, page: 1 }), { scroll: false }),
      SEARCH_PAUSE_MS,
    );
    return () => clearTimeout(timer);
  }, [draft, search, router, pathname]);

  return {
    search,
    page,
    draft,
    setDraft,
    /** For DataTable's onPageChange (a zero-based index). */
    goToPage: (index: number) =>
      router.replace(listHref(pathname, { search, page: index + 1 }), { scroll: false }),
  };
}
