import { z } from "zod";
import { listConflictsInput } from "@truce/api/schemas/conflict";
import { listPlaceReader } from "@truce/ui";

/** Rows per page of the conflicts, shared by the server prefetch and the client table. */
export const PAGE_SIZE = 25;

const rules = listConflictsInput.shape;

/**
 * The conflicts' place in their address: the search, the page, the statuses (one or several,
 * `?status=active,escalating`, each by the procedure's own rule) and the risk. The server page
 * and the table read it alike, so a bookmarked or shared list opens as it was.
 */
export const readListPlace = listPlaceReader({
  search: rules.search,
  page: rules.page.unwrap(),
  filters: {
    status: z
      .string()
      .transform((value) => value.split(","))
      .pipe(rules.status.unwrap()),
    riskLevel: rules.riskLevel,
  },
});

/** The list query's input for a place: the same object on the server and in the browser. */
export function listInput({ search, page, filters }: ReturnType<typeof readListPlace>) {
  return { search, page, pageSize: PAGE_SIZE, ...filters };
}
