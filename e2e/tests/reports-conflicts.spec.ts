/**
 * The conflicts and people report as a manager uses it: the conflicts by status at the end of
 * each year and the register today, against the database read back; its CSV file with all
 * four tables; in Swedish, and at a phone's width.
 */
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { lt } from "@truce/db";
import { uniqueTag } from "@truce/db/testing";
import { conflictChange } from "@truce/db/schema";
import { expect, test, WEB } from "./fixtures";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

/** A downloaded CSV file's rows (no field in this file holds a comma or a quote). */
async function csvRows(download: Download): Promise<string[][]> {
  const text = await readFile((await download.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text
    .slice(1)
    .split("\r\n")
    .map((line) => line.split(","));
}

/** A row's cells in one of the report's tables, found by the table's caption. */
async function cells(page: Page, table: RegExp, row: RegExp): Promise<string[]> {
  return page
    .getByRole("region", { name: table })
    .getByRole("row", { name: row })
    .getByRole("cell")
    .allInnerTexts();
}

const CONFLICTS = /^Conflicts by their status at the end of each period/;
const STATUS = /^People in the register today by status and risk/;

test.describe("conflicts and people, as a police manager", () => {
  test.use({ role: "police manager" });

  test("[manager] reads the conflicts by status and the register today, and downloads the CSV file", async ({
    page,
    db,
    seed,
    expectAccessible,
  }) => {
    // Every conflict recorded by the end of 19 May 2020 in Stockholm (a conflict's first
    // change is its recording): history no other test changes.
    const conflictsBy2020 = await db
      .selectDistinct({ id: conflictChange.conflictId })
      .from(conflictChange)
      .where(lt(conflictChange.changedAt, new Date("2020-05-19T22:00:00Z")));
    expect(conflictsBy2020.length).toBeGreaterThan(0);
    // The register in a district of the test's own, which other tests running meanwhile do
    // not add to: two active people (high and critical risk) and one relocated.
    const district = `Registerby ${uniqueTag()}`;
    await seed.person({ district, status: "active", riskLevel: "high" });
    await seed.person({ district, status: "active", riskLevel: "critical" });
    await seed.person({ district, status: "relocated", riskLevel: "low", category: "victim" });

    await page.goto(`${WEB}/reports`);
    await page.getByRole("link", { name: "Conflicts and people" }).click();
    await expect(
      page.getByRole("heading", { name: "Conflicts and people", level: 1 }),
    ).toBeVisible();
    await page.getByLabel("Period", { exact: true }).selectOption("custom");
    await page.getByLabel("First day").fill("2017-01-01");
    await page.getByLabel("Last day").fill("2020-05-19");
    await page.getByLabel("Rows by").selectOption("year");
    await expect(page).toHaveURL((url) => url.searchParams.get("by") === "year");
    const conflicts = page.getByRole("region", { name: CONFLICTS });
    await expect(conflicts.getByRole("row", { name: /^2020/ })).toBeVisible();
    // Latent, active, escalating, mediated, resolved, all, recorded, resolved in the year.
    const row2020 = await cells(page, CONFLICTS, /^2020/);
    expect(row2020[5]).toBe(String(conflictsBy2020.length));
    await expect(page.getByRole("heading", { name: /^The register on / })).toBeVisible();
    await expect(page.getByRole("img", { name: /conflicts not yet resolved/ })).toBeVisible();
    await expectAccessible();

    // The district's register: its three people by status and risk, and in the file.
    await page.goto(
      `${WEB}/reports/conflicts?from=2017-01-01&to=2020-05-19&by=year&district=${encodeURIComponent(district)}`,
    );
    const status = page.getByRole("region", { name: STATUS });
    await expect(status.getByRole("row", { name: /^Total/ })).toBeVisible();
    // Low, medium, high, critical, all.
    expect(await cells(page, STATUS, /^Total/)).toEqual(["1", "0", "1", "1", "3"]);
    expect(await cells(page, STATUS, /^Active/)).toEqual(["0", "0", "1", "1", "2"]);
    expect((await cells(page, CONFLICTS, /^2020/))[5]).toBe("0");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV", exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^conflicts-and-people_2017-01-01_2020-05-19_Year_Registerby-[0-9a-f]+_internal\.csv$/,
    );
    const rows = await csvRows(file);
    expect(rows).toContainEqual(["District", district]);
    for (const heading of ["Status", "Category", "Registering agency"]) {
      expect(rows.some((row) => row[0] === heading)).toBe(true);
    }
    expect(rows).toContainEqual(["Active", "0", "0", "1", "1", "2"]);
    expect(rows).toContainEqual(["Victim", "1"]);
    const totals = rows.filter((row) => row[0] === "Total");
    expect(totals.map((row) => row[1] === "3" || row.at(-1) === "3")).toEqual([true, true]);
  });

  test("[manager] conflicts and people in Swedish", async ({ page, expectAccessible }) => {
    await page.goto(`${WEB}/reports/conflicts?from=2017-01-01&to=2020-05-19&by=year`);
    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "Svenska" }).click();
    await expect(
      page.getByRole("heading", { name: "Konflikter och personer", level: 1 }),
    ).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Försenade omprövningar" })).toBeVisible();
    await expectAccessible();
  });
});

test.describe("conflicts and people on a phone", () => {
  test.use({ role: "police manager", viewport: { width: 390, height: 844 }, isMobile: true });

  test("[manager] on a phone, the report fits the screen and its tables scroll on their own", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/reports/conflicts?from=2017-01-01&to=2020-05-19&by=year`);
    await expect(page.getByRole("heading", { name: /^The register on / })).toBeVisible();
    expect(await page.evaluate(overflows)).toBe(false);
    await expectAccessible();
  });
});
