import { describe, expect, it } from "vitest";
import { AGENCY_KINDS } from "@truce/db/enum-values";
import { defaultInterventionVisibility } from "./schemas";

describe("an intervention's default visibility", () => {
  it("keeps police intelligence and social services' support details within the agency", () => {
    expect(defaultInterventionVisibility("police")).toBe("agency");
    expect(defaultInterventionVisibility("social_services")).toBe("agency");
  });

  it("shares the exit programme's and the probation service's work with the programme", () => {
    expect(defaultInterventionVisibility("exit_programme")).toBe("programme");
    expect(defaultInterventionVisibility("probation")).toBe("programme");
  });

  it("keeps every other agency's within it: sharing is a choice made on the form", () => {
    const others = AGENCY_KINDS.filter(
      (k) => !["police", "social_services", "exit_programme", "probation"].includes(k),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const kind of others) expect(defaultInterventionVisibility(kind), kind).toBe("agency");
  });
});
