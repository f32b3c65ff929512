import { listGroupsInput } from "@truce/api/schemas/group";
import { listPlaceReader } from "@truce/ui";

/** Rows per page of the groups, shared by the server prefetch and the client table. */
export const PAGE_SIZE = 25;

const rules = listGroupsInput.shape;

/**
 * The groups' place in their address: the search, the page and the filters, read by the
 * procedure's own rules, so a bookmarked or shared list opens as it was.
 */
export const readListPlace = listPlaceReader({
  search: rules.search,
  page: rules.page.unwrap(),
  filters: { status: rules.status, area: rules.area },
});

/** The list query's input for a place: the same object on the server and in the browser. */
export function listInput({ search, page, filters }: ReturnType<typeof readListPlace>) {
  return { search, page, pageSize: PAGE_SIZE, ...filters };
}
