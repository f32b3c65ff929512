import { renderToStaticMarkup } from "react-dom/server";
import { type ColumnDef } from "@tanstack/react-table";
import { describe, expect, it } from "vitest";

import { DataTable, type DataTableProps } from "./data-table";
import { buttonContaining, count, isDisabled } from "./test/html";

type Person = { id: string; name: string; district: string };

const columns: ColumnDef<Person>[] = [
  { accessorKey: "name", header: "Namn" },
  { accessorKey: "district", header: "Stadsdel" },
];

const people: Person[] = [
  { id: "p1", name: "Adam Berg", district: "Rosengård" },
  { id: "p2", name: "Bilal Carlsson", district: "Hyllie" },
];

const labels = {
  previous: "Föregående sida",
  next: "Nästa sida",
  page: (current: number, total: number) => `Sida ${current} av ${total}`,
  rows: (from: number, to: number, total: number) => `Rad ${from}–${to} av ${total}`,
  loading: "Laddar…",
  pagination: "Sidnumrering",
};

function render(props: Partial<DataTableProps<Person>> = {}) {
  return renderToStaticMarkup(
    <DataTable<Person>
      columns={columns}
      data={people}
      pageIndex={0}
      pageSize={2}
      total={6}
      onPageChange={() => {}}
      emptyMessage="Inga personer hittades"
      labels={labels}
      caption="Personer i registret"
      getRowId={(p) => p.id}
      {...props}
    />,
  );
}

describe("DataTable", () => {
  it("renders a semantic table: caption, column headers with scope, one row per record", () => {
    const html = render();
    expect(html).toContain("<caption");
    expect(html).toContain("Personer i registret");
    expect(html).toMatch(/<th[^>]*scope="col"[^>]*>Namn<\/th>/);
    expect(html).toMatch(/<th[^>]*scope="col"[^>]*>Stadsdel<\/th>/);
    expect(count(html, /<tbody>[\s\S]*<\/tbody>/)).toBe(1);
    const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    expect(count(body, /<tr\b/)).toBe(2);
    expect(body).toContain("Adam Berg");
    expect(body).toContain("Hyllie");
    expect(html).not.toContain("Inga personer hittades");
  });

  it("shows the empty message, and no data rows, when the page has no records", () => {
    const html = render({ data: [], total: 0 });
    expect(html).toContain("Inga personer hittades");
    expect(html).toMatch(/<td colSpan="2"[^>]*>Inga personer hittades<\/td>/);
    expect(html).not.toContain("Adam Berg");
    expect(html).toContain("Sida 1 av 1");
  });

  it("disables previous on the first page and keeps next enabled", () => {
    const html = render({ pageIndex: 0 });
    expect(isDisabled(buttonContaining(html, "Föregående sida"))).toBe(true);
    expect(isDisabled(buttonContaining(html, "Nästa sida"))).toBe(false);
  });

  it("disables next on the last page and keeps previous enabled", () => {
    const html = render({ pageIndex: 2 });
    expect(isDisabled(buttonContaining(html, "Nästa sida"))).toBe(true);
    expect(isDisabled(buttonContaining(html, "Föregående sida"))).toBe(false);
  });

  it("enables both buttons on a middle page and disables both when everything fits on one", () => {
    const middle = render({ pageIndex: 1 });
    expect(isDisabled(buttonContaining(middle, "Föregående sida"))).toBe(false);
    expect(isDisabled(buttonContaining(middle, "Nästa sida"))).toBe(false);

    const single = render({ total: 2 });
    expect(isDisabled(buttonContaining(single, "Föregående sida"))).toBe(true);
    expect(isDisabled(buttonContaining(single, "Nästa sida"))).toBe(true);
  });

  it("takes every visible text from props: page, row range and pagination name", () => {
    const html = render({ pageIndex: 1, total: 5 });
    expect(html).toContain("Sida 2 av 3");
    expect(html).toContain("Rad 3–4 av 5");
    expect(html).toContain('aria-label="Sidnumrering"');
    for (const english of ["Previous", "Next", "Page", "No results", "Loading", "of"]) {
      expect(html).not.toMatch(new RegExp(`>[^<]*\\b${english}\\b`));
    }
  });

  it("shows skeleton rows instead of data while loading, and announces it", () => {
    const html = render({ isLoading: true, pageSize: 25 });
    expect(html).toContain('aria-busy="true"');
    expect(count(html, /data-slot="data-table-skeleton-row"/)).toBe(10);
    expect(html).not.toContain("Adam Berg");
    expect(html).not.toContain("Inga personer hittades");
    expect(html).toContain("Laddar…");
  });
});
