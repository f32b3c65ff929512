import { z } from "zod";
import { listIncidentsInput } from "@truce/api/schemas/incident";
import { listPlaceReader } from "@truce/ui";

/** Rows per page of the incident list, shared by the server prefetch and the client table. */
export const PAGE_SIZE = 25;

const rules = listIncidentsInput.shape;

/** The incident list's place in its address: page and filters, read by the procedure's rules. */
export const readListPlace = listPlaceReader({
  // The list has no search box; its filters narrow it.
  search: z.literal("").catch(""),
  page: rules.page.unwrap(),
  filters: {
    kind: rules.kind,
    from: rules.from,
    to: rules.to,
    district: rules.district,
    conflictId: rules.conflictId,
  },
});

/** The list query's input for a place: the same object on the server and in the browser. */
export function listInput({ page, filters }: ReturnType<typeof readListPlace>) {
  return { page, pageSize: PAGE_SIZE, ...filters };
}
