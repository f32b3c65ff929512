import { z } from "zod";
import { AGENCY_KINDS } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { plainText } from "../text";

// The agency domain's input rules: the procedures validate with these and the admin app's
// forms import the same objects (@truce/api/schemas/agency), so a rule is written once.

export const createAgencyInput = z.object({
  name: plainText(FIELD_LIMITS.agency.name, "validation.agency.name"),
  kind: z.enum(AGENCY_KINDS, "validation.agency.kind"),
});
export type CreateAgencyInput = z.infer<typeof createAgencyInput>;
