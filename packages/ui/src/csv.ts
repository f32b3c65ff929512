import Papa from "papaparse";

/** A table for a CSV file: what it is (a line per fact, e.g. each filter), then the table. */
export interface CsvTable {
  /** Lines above the table, each a label and its value: the report, its filters, the date. */
  about: ReadonlyArray<readonly [string, string]>;
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Further tables of the same report, each after an empty line (a report's second table). */
  more?: ReadonlyArray<{ header: readonly string[]; rows: CsvTable["rows"] }>;
}

/**
 * The text of a CSV file (RFC 4180, CRLF): the `about` lines, an empty line, then the table
 * (and each further one after an empty line).
 * It starts with a byte order mark, so a spreadsheet reads å, ä and ö as they are; text that
 * a spreadsheet would run as a formula (starting with =, +, -, @) is written with a ' before it.
 */
export function csvText({ about, header, rows, more = [] }: CsvTable): string {
  const options = { newline: "\r\n", escapeFormulae: true } as const;
  const aboutLines = Papa.unparse(
    about.map((line) => [...line]),
    options,
  );
  const tables = [{ header, rows }, ...more].map((table) =>
    Papa.unparse({ fields: [...table.header], data: table.rows.map((row) => [...row]) }, options),
  );
  return `\uFEFF${aboutLines}\r\n\r\n${tables.join("\r\n\r\n")}\r\n`;
}

/** A file name from its parts: letters, digits and hyphens, joined by underscores. */
export function fileNameOf(parts: readonly string[], extension: string): string {
  const safe = parts
    .map((part) =>
      part
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^A-Za-z0-9-]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter((part) => part !== "");
  return `${safe.join("_")}.${extension}`;
}

/** Hands the browser a file to save (its text, or its bytes as a Blob), as a download of a link to it. */
export function downloadFile(
  fileName: string,
  text: string | Blob,
  type = "text/csv;charset=utf-8",
) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: the download has its own hold on the file.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
