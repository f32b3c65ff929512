"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import type { AddressParams } from "./list-place";

/**
 * A page's filters kept in the address (a report's period and district, the network's area),
 * for a page that is not a list (lists: useUrlList). `read` reads the address by the
 * procedure's own rules; `href` writes a place back (only what differs from the default).
 *
 * A change shows at once: a checkbox or a select must not spring back while the address
 * follows. Once the address has changed, it is again what the filters show (the back button,
 * a link). The address changes with `history.replaceState`, as useUrlList's does: no server
 * render, no loading state.
 */
export function useUrlPlace<P>(
  read: (params: AddressParams) => P,
  href: (pathname: string, place: P) => string,
): { place: P; go: (next: P) => void } {
  const pathname = usePathname();
  const fromAddress = read(Object.fromEntries(useSearchParams()));
  const addressKey = href(pathname, fromAddress);
  const [chosen, setChosen] = useState<{ from: string; place: P } | null>(null);
  const place = chosen && chosen.from === addressKey ? chosen.place : fromAddress;
  const go = (next: P) => {
    setChosen({ from: addressKey, place: next });
    window.history.replaceState(null, "", href(pathname, next));
  };
  return { place, go };
}
