import { pgEnum } from "drizzle-orm/pg-core";
import { RISK_LEVELS, VISIBILITIES } from "../enum-values";

// Enums that more than one aggregate uses; the others live beside their table.

export const riskLevel = pgEnum("risk_level", RISK_LEVELS);

/** `agency`: only the members of the writing agency; `programme`: every agency. */
export const visibility = pgEnum("visibility", VISIBILITIES);
