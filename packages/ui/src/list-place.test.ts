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
    expect(read({ q: "  Ali ", page: "3" })).toEqual({ search: "Ali", page: 3, filters: {} });
    expect(read({})).toEqual({ search: "", page: 1, filters: {} });
  });

  it.each([
    ["a search the procedure would refuse", { q: "x".repeat(101) }, { search: "", page: 1 }],
    ["a repeated parameter", { q: ["a", "b"], page: "2" }, { search: "", page: 2 }],
    ["a page that is not a number", { q: "Ali", page: "two" }, { search: "Ali", page: 1 }],
    ["a page out of range", { page: "0" }, { search: "", page: 1 }],
  ])("falls back, part by part, for %s", (_case, params, place) => {
    expect(read(params)).toEqual({ ...place, filters: {} });
  });

  // Filter rules shaped like a list procedure's (an optional enum, an enum with a default).
  const filtered = listPlaceReader({
    search: z.string().trim().max(100).default(""),
    page: z.number().int().min(1).max(100_000),
    filters: {
      status: z.enum(["active", "exited"]).optional(),
      sort: z.enum(["name", "reviewDue"]).default("name"),
    },
  });

  it("reads the filters the address sets, each by its rule, and leaves out the others", () => {
    expect(filtered({ status: "exited", sort: "reviewDue", page: "2" })).toEqual({
      search: "",
      page: 2,
      filters: { status: "exited", sort: "reviewDue" },
    });
    // Not set: the procedure's default applies, and the address stays short.
    expect(filtered({}).filters).toEqual({});
    expect(filtered({ status: "gone", sort: ["name", "reviewDue"], other: "x" }).filters).toEqual(
      {},
    );
  });

  it("writes the filters and reads them back", () => {
    const place = { search: "Åsa", page: 3, filters: { status: "active" as const } };
    const href = listHref("/individuals", place);
    expect(href).toBe("/individuals?q=%C3%85sa&status=active&page=3");
    expect(filtered(Object.fromEntries(new URLSearchParams(href.split("?")[1])))).toEqual(place);
  });

  it("writes only what differs from the first page of everything", () => {
    expect(listHref("/individuals", { search: "", page: 1 })).toBe("/individuals");
    expect(listHref("/individuals", { search: "Åsa Berg", page: 2 })).toBe(
      "/individuals?q=%C3%85sa+Berg&page=2",
    );
  });

  it("reads back what it writes", () => {
    const place = { search: "Åsa & Berg", page: 4, filters: {} };
    const query = new URLSearchParams(listHref("/users", place).split("?")[1]);
    expect(read(Object.fromEntries(query))).toEqual(place);
  });
});
