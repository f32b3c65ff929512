import { describe, expect, it } from "vitest";
import apiErrorsEn from "../messages/api-errors/en.json";
import apiErrorsSv from "../messages/api-errors/sv.json";
import en from "../messages/en.json";
import sv from "../messages/sv.json";
import validationEn from "../messages/validation/en.json";
import validationSv from "../messages/validation/sv.json";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? keys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe("the shared message catalogs", () => {
  it.each([
    ["the interface", sv, en],
    ["the API's errors", apiErrorsSv, apiErrorsEn],
    ["the input rules", validationSv, validationEn],
  ])("have the same keys in Swedish and English: %s", (_part, swedish, english) => {
    expect(keys(swedish).sort()).toEqual(keys(english).sort());
  });

  it("give each part its own top-level namespace, so merging them loses nothing", () => {
    const names = [en, apiErrorsEn, validationEn].flatMap((part) => Object.keys(part));
    expect(new Set(names).size).toBe(names.length);
  });
});
