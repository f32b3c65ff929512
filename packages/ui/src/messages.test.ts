import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import sv from "../messages/sv.json";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? keys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe("the shared message catalogs", () => {
  it("have the same keys in Swedish and English", () => {
    expect(keys(sv).sort()).toEqual(keys(en).sort());
  });
});
