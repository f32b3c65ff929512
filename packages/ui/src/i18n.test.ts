import { describe, expect, it } from "vitest";
import { resolveLocale } from "./i18n";

describe("choosing the language", () => {
  it("follows the chosen language first", () => {
    expect(resolveLocale("sv", "en-GB,en;q=0.9")).toBe("sv");
  });

  it("follows the browser's preferences by quality when nothing was chosen", () => {
    expect(resolveLocale(undefined, "de-DE,sv-SE;q=0.8,en;q=0.5")).toBe("sv");
    expect(resolveLocale(undefined, "en;q=0.4,sv;q=0.9")).toBe("sv");
    expect(resolveLocale(undefined, "en-US")).toBe("en");
  });

  it("ignores an unknown chosen language and falls back to English", () => {
    expect(resolveLocale("xx", null)).toBe("en");
    expect(resolveLocale(undefined, "fr,de;q=0.5")).toBe("en");
    expect(resolveLocale(undefined, "sv;q=0")).toBe("en");
  });
});
