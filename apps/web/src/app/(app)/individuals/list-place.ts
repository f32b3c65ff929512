import { listIndividualsInput } from "@truce/api/schemas/individual";
import { listPlaceReader } from "@truce/ui";

/** Rows per page of the register, shared by the server prefetch and the client table. */
export const PAGE_SIZE = 25;

const rules = listIndividualsInput.shape;

/**
 * The register's place in its address: the search, the page, the filters and the order. The
 * server page and the table read it alike, by the procedure's own rules, so a bookmarked or
 * shared list opens as it was.
 */
export const readListPlace = listPlaceReader({
  search: rules.search,
  page: rules.page.unwrap(),
  filters: {
    status: rules.status,
    riskLevel: rules.riskLevel,
    category: rules.category,
    groupId: rules.groupId,
    district: rules.district,
    registeringAgencyId: rules.registeringAgencyId,
    age: rules.age,
    sort: rules.sort,
    direction: rules.direction,
  },
});

/** The list query's input for a place: the same object on the server and in the browser. */
export function listInput({ search, page, filters }: ReturnType<typeof readListPlace>) {
  return { search, page, pageSize: PAGE_SIZE, ...filters };
}
