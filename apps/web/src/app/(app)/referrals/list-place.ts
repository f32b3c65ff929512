import { z } from "zod";
import { listReferralsInput } from "@truce/api/schemas/referral";
import { listPlaceReader } from "@truce/ui";

/** Rows per page of the referrals, shared by the server prefetch and the client table. */
export const PAGE_SIZE = 25;

const rules = listReferralsInput.shape;

/**
 * The referrals' place in their address: the box (`?box=sent`; received when left out), the
 * statuses (`?status=declined,withdrawn`; the open ones when left out) and the page, each by
 * the procedure's own rule. The server page and the table read it alike.
 */
export const readListPlace = listPlaceReader({
  search: z.string(),
  page: rules.page.unwrap(),
  filters: {
    box: rules.box.unwrap(),
    status: z
      .string()
      .transform((value) => value.split(","))
      .pipe(rules.status.unwrap()),
  },
});

/** The list query's input for a place: the same object on the server and in the browser. */
export function listInput({ page, filters }: ReturnType<typeof readListPlace>) {
  return { page, pageSize: PAGE_SIZE, ...filters };
}
