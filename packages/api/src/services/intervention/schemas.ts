import { z } from "zod";
import { recordId } from "../fields";

// The intervention domain's input rules (@truce/api/schemas/intervention).

export const listInterventionsForIndividualInput = z.object({ individualId: recordId });
export type ListInterventionsForIndividualInput = z.infer<
  typeof listInterventionsForIndividualInput
>;
