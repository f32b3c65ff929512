import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvText, fileNameOf } from "./csv";

describe("csvText", () => {
  const text = csvText({
    about: [
      ["Report", "Shootings and violence"],
      ["District", 'Rosengård, "north"'],
    ],
    header: ["Period", "Shootings", "Change"],
    rows: [
      ["2019", 34, -13],
      ['=HYPERLINK("x")', "<5", ".."],
    ],
  });

  it("writes the lines about the table, an empty line, then the table, read back as written", () => {
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [about, table] = text.slice(1).split("\r\n\r\n");
    expect(Papa.parse(about!).data).toEqual([
      ["Report", "Shootings and violence"],
      ["District", 'Rosengård, "north"'],
    ]);
    expect(Papa.parse(table!.trimEnd()).data).toEqual([
      ["Period", "Shootings", "Change"],
      ["2019", "34", "-13"],
      ['\'=HYPERLINK("x")', "<5", ".."],
    ]);
  });

  it("writes a report's further tables each after an empty line", () => {
    const two = csvText({
      about: [["Report", "Activity"]],
      header: ["Period", "Call-ins"],
      rows: [["2020", 3]],
      more: [{ header: ["Agency", "Call-ins"], rows: [["Police", 3]] }],
    });
    const [, first, second] = two.slice(1).trimEnd().split("\r\n\r\n");
    expect(Papa.parse(first!).data).toEqual([
      ["Period", "Call-ins"],
      ["2020", "3"],
    ]);
    expect(Papa.parse(second!).data).toEqual([
      ["Agency", "Call-ins"],
      ["Police", "3"],
    ]);
  });

  it("defuses text a spreadsheet would run as a formula, but not a negative number", () => {
    expect(text).toContain("-13");
    expect(text).not.toContain(",=HYPERLINK");
  });
});

describe("fileNameOf", () => {
  it("keeps letters, digits and hyphens, without accents", () => {
    expect(fileNameOf(["Skjutningar", "2017-01-01", "Rosengård / Norr"], "csv")).toBe(
      "Skjutningar_2017-01-01_Rosengard-Norr.csv",
    );
    expect(fileNameOf(["", "../x"], "csv")).toBe("x.csv");
  });
});
