import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirect";

describe("the redirect after sign-in", () => {
  it("keeps a path on the same origin", () => {
    expect(safeCallbackPath("/individuals?page=2")).toBe("/individuals?page=2");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    42,
    undefined,
  ])("refuses %s and falls back to the start page", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
});
