import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PURPOSE_COOKIE, purposeFromHeaders, purposeSchema } from "./purpose";

const withCookie = (value: string) => new Headers({ cookie: value });

describe("the purpose cookie", () => {
  it("gives each purpose the session chose", () => {
    for (const purpose of purposeSchema.options) {
      expect(purposeFromHeaders(withCookie(`a=b; ${PURPOSE_COOKIE}=${purpose}`))).toBe(purpose);
    }
  });

  it("treats malformed percent-encoding as no purpose, not as a server error", () => {
    for (const value of ["%", "%E0%A4%A", "%zz", "case_work%"]) {
      expect(purposeFromHeaders(withCookie(`${PURPOSE_COOKIE}=${value}`)), value).toBeNull();
    }
  });

  it("is a purpose or null for any cookie header at all", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (value, other) => {
        const headers = new Headers();
        // Headers refuses what no HTTP request can carry; everything else must be read safely.
        try {
          headers.set("cookie", `${other}; ${PURPOSE_COOKIE}=${value}`);
        } catch {
          return;
        }
        const purpose = purposeFromHeaders(headers);
        expect(purpose === null || purposeSchema.options.includes(purpose)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
