import { describe, expect, it } from "vitest";
import { z } from "zod";
import { listHref, listPlaceReader } from "./list-place";

// Rules shaped like a list procedure's (packages/api pagination.ts, text.ts).
const read = listPlaceReader({
  search: z.string().trim().max(100).default(""),
  page: z.number().int().min(1).max(100_000),
});

describe("a list's place in its address", () => {
  it("reads the search and the page as the procedure takes them", () => {
    expect(read({ q: "  Ali ", page: "3" })).toEqual({ search: "Ali", page: 3 });
    expect(read({})).toEqual({ search: "", page: 1 });
  });

  it.each([
    ["a search the procedure would refuse", { q: "x".repeat(101) }, { search: "", page: 1 }],
    ["a repeated parameter", { q: ["a", "b"], page: "2" }, { search: "", page: 2 }],
    ["a page that is not a number", { q: "Ali", page: "two" }, { search: "Ali", page: 1 }],
    ["a page out of range", { page: "0" }, { search: "", page: 1 }],
  ])("falls back, part by part, for %s", (_case, params, place) => {
    expect(read(params)).toEqual(place);
  });

  it("writes only what differs from the first page of everything", () => {
    expect(listHref("/individuals", { search: "", page: 1 })).toBe("/individuals");
    expect(listHref("/individuals", { search: "Åsa Berg", page: 2 })).toBe(
      "/individuals?q=%C3%85sa+Berg&page=2",
    );
  });

  it("reads back what it writes", () => {
    const place = { search: "Åsa & Berg", page: 4 };
    const query = new URLSearchParams(listHref("/users", place).split("?")[1]);
    expect(read(Object.fromEntries(query))).toEqual(place);
  });
});
