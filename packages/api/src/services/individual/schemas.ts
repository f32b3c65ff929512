import { z } from "zod";
import { recordId } from "../fields";
import { pageInput } from "../pagination";
import { searchText } from "../text";

// The individual domain's input rules: the procedures validate with these and the web app's
// register imports the same objects (@truce/api/schemas/individual).

export const listIndividualsInput = pageInput.extend({
  search: searchText,
});
export type ListIndividualsInput = z.infer<typeof listIndividualsInput>;

export const getIndividualProfileInput = z.object({ id: recordId });
export type GetIndividualProfileInput = z.infer<typeof getIndividualProfileInput>;
