import { pgEnum } from "drizzle-orm/pg-core";

// Enums that more than one aggregate uses; the others live beside their table.

export const riskLevel = pgEnum("risk_level", ["low", "medium", "high", "critical"]);

/** `agency`: only the members of the writing agency; `programme`: every agency. */
export const visibility = pgEnum("visibility", ["agency", "programme"]);
