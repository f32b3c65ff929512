import { readFileSync } from "node:fs";
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

/** An app's own catalog, read as data (this package imports no app). */
function appCatalog(app: "web" | "admin", locale: "en" | "sv"): Record<string, unknown> {
  const file = new URL(`../../../apps/${app}/messages/${locale}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

const sharedParts = [en, apiErrorsEn, validationEn];

describe("the message catalogs", () => {
  it.each([
    ["the interface", sv, en],
    ["the API's errors", apiErrorsSv, apiErrorsEn],
    ["the input rules", validationSv, validationEn],
    ["the web app's own", appCatalog("web", "sv"), appCatalog("web", "en")],
    ["the admin app's own", appCatalog("admin", "sv"), appCatalog("admin", "en")],
  ])("have the same keys in Swedish and English: %s", (_part, swedish, english) => {
    expect(keys(swedish).sort()).toEqual(keys(english).sort());
  });

  it("give each shared part its own top-level namespace, so merging them loses nothing", () => {
    const names = sharedParts.flatMap((part) => Object.keys(part));
    expect(new Set(names).size).toBe(names.length);
  });

  // An app's catalog is merged over the shared one (i18n-request.ts): a namespace of the same
  // name would replace the shared texts (enums.*, errors.*) in that app.
  it.each(["web", "admin"] as const)(
    "leave the %s app no top-level namespace that the shared catalog has",
    (app) => {
      const shared = new Set(sharedParts.flatMap((part) => Object.keys(part)));
      const clashes = Object.keys(appCatalog(app, "en")).filter((name) => shared.has(name));
      expect(clashes).toEqual([]);
    },
  );
});
