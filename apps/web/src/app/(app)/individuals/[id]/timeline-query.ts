import type { WebRouterOutputs } from "@truce/api";

// Shared by the page's prefetch (a server component) and the timeline (a client component),
// so the first page the server fetched is the very query the browser then reads.

type TimelinePage = WebRouterOutputs["individual"]["timeline"];

/** The timeline's input as the profile asks for it: the server's default page size. */
export function timelineInput(individualId: string) {
  return { individualId };
}

/** Where the next page starts: the cursor the server handed out, null after the last page. */
export function nextTimelinePage(page: TimelinePage) {
  return page.nextCursor;
}
