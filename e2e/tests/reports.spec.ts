/**
 * The outcome reports as a manager uses them: the shootings report filtered to the
 * programme's published years, its figures in the table, its CSV files (the programme's own
 * and the one for sharing outside it) read back and their exports found in the access log,
 * its print layout; in Swedish, and at a phone's width. Staff are refused.
 */
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { and, desc, eq } from "@truce/db";
import { accessLog, user } from "@truce/db/schema";
import { expect, test, WEB } from "./fixtures";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

/** The demo's shootings, 2017 to 2020 (the last to 19 May): the programme's published figures. */
const PUBLISHED = "/reports/incidents?from=2017-01-01&to=2020-05-19&kinds=shooting";

/** A downloaded CSV file's rows (no field in these files holds a comma or a quote). */
async function csvRows(download: Download): Promise<string[][]> {
  const text = await readFile((await download.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text
    .slice(1)
    .split("\r\n")
    .map((line) => line.split(","));
}

/** The table's row of a period, as the cells' text. */
async function tableRow(page: Page, period: string): Promise<string[]> {
  const row = page.getByRole("row", { name: new RegExp(`^${period}`) });
  return row.getByRole("cell").allInnerTexts();
}

test.describe("as a police manager", () => {
  test.use({ role: "police manager" });

  test("[manager] reads the shootings report, downloads its CSV files and checks their figures", async ({
    page,
    db,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/`);
    await page.getByRole("navigation").getByRole("link", { name: "Reports" }).click();
    await page.getByRole("link", { name: "Shootings and violence" }).click();
    await expect(
      page.getByRole("heading", { name: "Shootings and violence", level: 1 }),
    ).toBeVisible();
    // The programme so far, by year, every kind: the default.
    await expect(page.getByLabel("Period", { exact: true })).toHaveValue("programme");
    await expect(page.getByLabel("Rows by")).toHaveValue("year");

    // Only shootings, from a bookmark; then the days of the published figures, chosen here.
    await page.goto(`${WEB}/reports/incidents?kinds=shooting`);
    await expect(page.getByRole("button", { name: "Shooting", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByRole("button", { name: "Threat", exact: true })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await page.getByLabel("Period", { exact: true }).selectOption("custom");
    await page.getByLabel("First day").fill("2017-01-01");
    await page.getByLabel("Last day").fill("2020-05-19");
    await expect(page).toHaveURL(
      (url) =>
        url.searchParams.get("from") === "2017-01-01" &&
        url.searchParams.get("to") === "2020-05-19" &&
        url.searchParams.get("kinds") === "shooting",
    );
    await page.getByLabel("Rows by").selectOption("year");
    await expect(page.getByText(/^150 incidents from Jan 1, 2017 to May 19, 2020/)).toBeVisible();
    await expect(page.getByText(/Programme started Oct 1, 2018/).first()).toBeVisible();
    // Period, shootings, all incidents, change: each year against the one before.
    expect((await tableRow(page, "2017")).slice(0, 3)).toEqual(["65", "65", "+65"]);
    expect((await tableRow(page, "2018")).slice(0, 3)).toEqual(["47", "47", "-18 (-28%)"]);
    expect((await tableRow(page, "2019")).slice(0, 2)).toEqual(["34", "34"]);
    expect((await tableRow(page, "2020")).slice(0, 2)).toEqual(["4", "4"]);
    await expect(page.getByRole("row", { name: /^2020/ })).toContainText(
      "Jan 1, 2020 to May 19, 2020",
    );
    await expect(page.getByRole("img", { name: /Incidents per period by kind/ })).toBeVisible();
    await expectAccessible();

    // The programme's own file: the filters named in it and in its name, the figures as shown.
    let download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV", exact: true }).click();
    let file = await download;
    expect(file.suggestedFilename()).toBe(
      "shootings-and-violence_2017-01-01_2020-05-19_Year_internal.csv",
    );
    let rows = await csvRows(file);
    expect(rows).toContainEqual(["Period", "2017-01-01 – 2020-05-19"]);
    expect(rows).toContainEqual(["Kinds of incident", "Shooting"]);
    expect(rows).toContainEqual(["District", "All districts"]);
    const header = rows.find((row) => row[0] === "Period" && row[1] === "First day")!;
    expect(header.slice(0, 5)).toEqual([
      "Period",
      "First day",
      "Last day",
      "Shooting",
      "All incidents",
    ]);
    const byYear = (year: string) => rows.find((row) => row[0] === year)!.slice(1, 5);
    expect(byYear("2017")).toEqual(["2017-01-01", "2017-12-31", "65", "65"]);
    expect(byYear("2018")).toEqual(["2018-01-01", "2018-12-31", "47", "47"]);
    expect(byYear("2019")).toEqual(["2019-01-01", "2019-12-31", "34", "34"]);
    expect(byYear("2020")).toEqual(["2020-01-01", "2020-05-19", "4", "4"]);
    expect(rows.find((row) => row[0] === "Total")!.slice(3, 5)).toEqual(["150", "150"]);
    await expect(page.getByRole("status")).toContainText("The export is in the access log.");

    // For sharing outside: 2020's 4 is "<5", and the totals that would give it away withheld.
    download = page.waitForEvent("download");
    await page
      .getByRole("button", { name: "Download CSV for sharing outside the programme" })
      .click();
    file = await download;
    expect(file.suggestedFilename()).toMatch(/_external\.csv$/);
    rows = await csvRows(file);
    expect(rows.find((row) => row[0] === "2019")!.slice(3, 5)).toEqual(["34", "34"]);
    expect(rows.find((row) => row[0] === "2020")!.slice(3, 5)).toEqual(["<5", ".."]);
    expect(rows.find((row) => row[0] === "Total")!.slice(3, 5)).toEqual(["..", ".."]);

    // Both exports are in the access log, with their filters.
    const [manager] = await db
      .select({ id: user.id })
      .from(user)
      .where(eq(user.email, "police.manager@truce.example"));
    const logged = await db
      .select({ detail: accessLog.detail })
      .from(accessLog)
      .where(and(eq(accessLog.userId, manager!.id), eq(accessLog.action, "export")))
      .orderBy(desc(accessLog.id))
      .limit(2);
    expect(logged.map((row) => row.detail)).toEqual([
      {
        audience: "external",
        filters: expect.objectContaining({
          from: "2017-01-01",
          to: "2020-05-19",
          kinds: ["shooting"],
        }),
      },
      {
        audience: "internal",
        filters: expect.objectContaining({
          from: "2017-01-01",
          to: "2020-05-19",
          kinds: ["shooting"],
        }),
      },
    ]);
  });

  test("[manager] prints the report with its filters and the date, without the controls", async ({
    page,
  }) => {
    await page.goto(`${WEB}${PUBLISHED}&by=quarter`);
    await expect(page.getByRole("row", { name: /^Q1 2017/ })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("group", { name: "Filter the report" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await expect(page.getByRole("navigation")).toBeHidden();
    const printed = page.locator("dl");
    await expect(printed).toContainText("Jan 1, 2017 to May 19, 2020");
    await expect(printed).toContainText("Quarter");
    await expect(printed).toContainText(/Printed \w+ \d+, \d{4}/);
    await expect(page.getByRole("row", { name: /^Q2 2020/ })).toContainText(
      "Apr 1, 2020 to May 19, 2020",
    );
  });

  test("[manager] days of their own that are not in order get the rule's message, and no report", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/reports/incidents?from=2020-05-19&to=2017-01-01`);
    await expect(page.getByText("The last day must be the first day or after it.")).toBeVisible();
    await expect(page.getByLabel("Last day")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectAccessible();
  });
});

test.describe("the exit funnel, as a police manager", () => {
  test.use({ role: "police manager" });

  test("[manager] reads the exit funnel of the published months, filters it by agency and downloads it", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/reports`);
    await page.getByRole("link", { name: "The exit funnel" }).click();
    await expect(page.getByRole("heading", { name: "The exit funnel", level: 1 })).toBeVisible();
    await page.getByLabel("Period", { exact: true }).selectOption("custom");
    await page.getByLabel("First day").fill("2019-11-01");
    await page.getByLabel("Last day").fill("2020-05-19");
    const step = (name: string) =>
      page
        .getByRole("row", { name: new RegExp(`^${name}`) })
        .getByRole("cell")
        .allInnerTexts();
    await expect(page.getByRole("row", { name: /^Took steps to leave 30/ })).toBeVisible();
    expect(await step("Relocated or changed")).toEqual(["24", "80% of took steps to leave"]);
    expect(await step("Relocated \\d")).toEqual(["12", "40% of took steps to leave"]);
    expect(await step("Changed situation at home")).toEqual(["12", "40% of took steps to leave"]);
    await expect(page.getByRole("img", { name: /The people at each step/ })).toBeVisible();
    await expectAccessible();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV", exact: true }).click();
    const rows = await csvRows(await download);
    expect(rows).toContainEqual(["Period", "2019-11-01 – 2020-05-19"]);
    expect(rows).toContainEqual([
      "Took steps to leave",
      "30",
      "Accepted support",
      expect.any(String),
    ]);
    expect(rows).toContainEqual(["Relocated", "12", "Took steps to leave", "0.4"]);

    // The exit programme recorded the outcomes: with another agency, no one took those steps.
    await page.getByLabel("Agency").selectOption({ label: "Malmvik Housing Company" });
    await expect(page).toHaveURL((url) => url.searchParams.has("agency"));
    await expect(page.getByRole("row", { name: /^Took steps to leave 0/ })).toBeVisible();
  });
});

test.describe("in Swedish", () => {
  test.use({ role: "police manager" });

  test("[manager] the shootings report in Swedish, with Swedish numbers and dates", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}${PUBLISHED}&by=year`);
    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "Svenska" }).click();
    await expect(
      page.getByRole("heading", { name: "Skjutningar och våld", level: 1 }),
    ).toBeVisible();
    await expect(page.getByText(/^150 händelser från 1 jan. 2017 till 19 maj 2020/)).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Döda" })).toBeVisible();
    expect((await tableRow(page, "2018")).slice(0, 3)).toEqual(["47", "47", "−18 (−28\u00a0%)"]);
    await expectAccessible();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police manager", viewport: { width: 390, height: 844 }, isMobile: true });

  test("[manager] on a phone, the report fits the screen and its table scrolls on its own", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/reports/incidents?from=2017-01-01&to=2020-05-19&by=year`);
    await expect(page.getByRole("row", { name: /^2019/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /Incidents per period by kind/ })).toBeVisible();
    expect(await page.evaluate(overflows)).toBe(false);
    await expectAccessible();
    await page.goto(`${WEB}/reports/funnel?from=2019-11-01&to=2020-05-19`);
    await expect(page.getByRole("row", { name: /^Took steps to leave 30/ })).toBeVisible();
    expect(await page.evaluate(overflows)).toBe(false);
    await expectAccessible();
  });
});

test.describe("as staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] has no reports: no menu entry, and the page says they are the managers'", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/`);
    await expect(page.getByRole("navigation").getByRole("link", { name: "Network" })).toBeVisible();
    await expect(page.getByRole("navigation").getByRole("link", { name: "Reports" })).toHaveCount(
      0,
    );
    await page.goto(`${WEB}/reports/incidents`);
    await expect(page.getByText("The reports are for the programme's managers.")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectAccessible();
  });
});
