import { listUsersInput } from "@truce/api/schemas/user";
import { listPlaceReader } from "@truce/ui";

/** Rows per page of the users, shared by the server prefetch and the client table. */
export const PAGE_SIZE = 25;

/** The users list's place in its address; the server page and the table read it alike. */
export const readListPlace = listPlaceReader({
  search: listUsersInput.shape.search,
  page: listUsersInput.shape.page.unwrap(),
});
