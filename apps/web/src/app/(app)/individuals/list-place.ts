import { listIndividualsInput } from "@truce/api/schemas/individual";
import { listPlaceReader } from "@truce/ui";

/** Rows per page of the register, shared by the server prefetch and the client table. */
export const PAGE_SIZE = 25;

/** The register's place in its address; the server page and the table read it alike. */
export const readListPlace = listPlaceReader({
  search: listIndividualsInput.shape.search,
  page: listIndividualsInput.shape.page.unwrap(),
});
