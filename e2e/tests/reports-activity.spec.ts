/**
 * The activity report as a manager uses it: spring 2020 by month, the programme's 12 trials
 * started or held in the enforcement table and in the CSV file read back, the lead agency
 * filter, the print layout; in Swedish, and at a phone's width.
 */
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
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

const ENFORCEMENT = /^Enforcement actions done per period/;

test.describe("the activity report, as a police manager", () => {
  test.use({ role: "police manager" });

  test("[manager] reads spring 2020's activity: the 12 trials, by month, in the table and the CSV file", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/reports`);
    await page.getByRole("link", { name: "Activity" }).click();
    await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
    await page.getByLabel("Period", { exact: true }).selectOption("spring-2020");
    await page.getByLabel("Rows by").selectOption("month");
    await expect(page).toHaveURL(
      (url) =>
        url.searchParams.get("period") === "spring-2020" && url.searchParams.get("by") === "month",
    );
    await expect(page.getByText(/12 trials started or held\./)).toBeVisible();
    // Arrest, search, prosecution, trial, sentence, trials started or held.
    const total = await cells(page, ENFORCEMENT, /^Total/);
    expect(total.slice(2, 4)).toEqual(["4", "8"]);
    expect(total.at(-1)).toBe("12");
    for (const month of ["Mar 2020", "Apr 2020", "May 2020"]) {
      await expect(
        page
          .getByRole("region", { name: ENFORCEMENT })
          .getByRole("row", { name: new RegExp(`^${month}`) }),
      ).toBeVisible();
    }
    await expect(
      page
        .getByRole("region", { name: /^Interventions done over the whole period/ })
        .getByRole("row", {
          name: /^Prosecution Authority Malmvik/,
        }),
    ).toBeVisible();
    await expect(
      page.getByRole("img", { name: /interventions done per period, by kind/ }),
    ).toBeVisible();
    await expectAccessible();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV", exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("activity_2020-03-01_2020-05-31_Month_internal.csv");
    const rows = await csvRows(file);
    expect(rows).toContainEqual(["Period", "2020-03-01 – 2020-05-31"]);
    const header = rows.find((row) => row[0] === "Period" && row[1] === "First day")!;
    const column = (name: string) => header.indexOf(name);
    const totalRow = rows.find((row) => row[0] === "Total")!;
    expect(totalRow[column("Trials started or held")]).toBe("12");
    expect(totalRow[column("Prosecution")]).toBe("4");
    expect(totalRow[column("Trial")]).toBe("8");
    // The second table: the lead agencies, the prosecution authority's enforcement among them.
    const agencies = rows.findIndex((row) => row[0] === "Lead agency");
    expect(agencies).toBeGreaterThan(rows.indexOf(totalRow));
    const prosecution = rows.find((row) => row[0] === "Prosecution Authority Malmvik")!;
    expect(Number(prosecution[rows[agencies]!.indexOf("Enforcement")])).toBeGreaterThanOrEqual(12);
    await expect(page.getByRole("status")).toContainText("The export is in the access log.");

    // Led by the police, none of them: the prosecution authority brought every one.
    await page.getByLabel("Agency", { exact: true }).selectOption({ label: "Malmvik Police" });
    await expect(page).toHaveURL((url) => url.searchParams.has("agency"));
    await expect(page.getByText(/0 trials started or held\./)).toBeVisible();

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("group", { name: "Filter the report" })).toBeHidden();
    await expect(page.locator("dl")).toContainText("Malmvik Police");
    await expect(page.locator("dl")).toContainText("Mar 1, 2020 to May 31, 2020");
  });

  test("[manager] the activity report in Swedish", async ({ page, expectAccessible }) => {
    await page.goto(`${WEB}/reports/activity?period=spring-2020&by=month`);
    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "Svenska" }).click();
    await expect(page.getByRole("heading", { name: "Aktivitet", level: 1 })).toBeVisible();
    await expect(page.getByText(/12 rättegångar inledda eller hållna\./)).toBeVisible();
    await expect(
      page.getByRole("columnheader", { name: "Rättegångar inledda eller hållna" }),
    ).toBeVisible();
    await expectAccessible();
  });
});

test.describe("the activity report on a phone", () => {
  test.use({ role: "police manager", viewport: { width: 390, height: 844 }, isMobile: true });

  test("[manager] on a phone, the activity report fits the screen and its tables scroll on their own", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/reports/activity?period=spring-2020&by=month`);
    await expect(page.getByText(/12 trials started or held\./)).toBeVisible();
    expect(await page.evaluate(overflows)).toBe(false);
    await expectAccessible();
  });
});
