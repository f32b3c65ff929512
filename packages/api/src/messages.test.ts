/**
 * Every message key the API sends is in both languages' catalogs, and the catalogs hold no
 * key the API has stopped sending. The type ApiErrorKey already refuses a key missing from
 * the English catalog; this reads the source, so it also catches Swedish.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../ui/messages/api-errors/en.json";
import sv from "../../ui/messages/api-errors/sv.json";

const SOURCE = join(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The keys written in the API's source, as string literals. */
const used = new Set(
  sourceFiles(SOURCE).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/["'`](apiErrors\.[\w.]+)["'`]/g)].map((m) => m[1]!),
  ),
);

/** The catalog's keys, each the full path to a message. */
function keysOf(catalog: object, prefix = ""): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

describe("the API's message keys", () => {
  it("are found in the source (the check below is not vacuous)", () => {
    expect(used.size).toBeGreaterThan(10);
  });

  it.each([
    ["English", en],
    ["Swedish", sv],
  ])("are all in the %s catalog", (_language, catalog) => {
    expect([...used].filter((key) => !keysOf(catalog).includes(key))).toEqual([]);
  });

  it("are all the catalog holds: no message is kept that nothing sends", () => {
    expect(keysOf(en).filter((key) => !used.has(key))).toEqual([]);
  });
});
