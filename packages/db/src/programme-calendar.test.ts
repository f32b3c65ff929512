import { describe, expect, it } from "vitest";
import { addMonths, programmeDay } from "./programme-calendar";

describe("the programme's calendar", () => {
  it("counts the day in Stockholm, not in UTC", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm (UTC+1 in winter).
    expect(programmeDay(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(programmeDay(new Date("2026-12-31T22:30:00Z"))).toBe("2026-12-31");
    // Summer time is UTC+2: 22:30 UTC on 30 June is 1 July there.
    expect(programmeDay(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(programmeDay(new Date("2026-06-30T21:30:00Z"))).toBe("2026-06-30");
  });

  it("adds calendar months, keeping to the end of a shorter month", () => {
    expect(addMonths("2026-01-15", 6)).toBe("2026-07-15");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-05-31", 24)).toBe("2028-05-31");
  });
});
