/**
 * The evaluators' extract as a manager makes it: from the reports' list, a period, the
 * download; the archive opened here, its files and a row count checked against the database,
 * and the extract found in the access log. In Swedish, and at a phone's width. Saved through the
 * browser's downloads, and (where the browser has the save picker) written to the picked file
 * piece by piece. Staff get the managers-only page, and the route refuses them.
 */
import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { EXTRACT_FILES } from "@truce/api/schemas/report";
import { and, desc, eq, ne, sql } from "@truce/db";
import { accessLog, individual, user } from "@truce/db/schema";
import { expect, test, WEB } from "./fixtures";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

/** What the page wrote through the save picker the tests put in the browser's place. */
interface Saved {
  name: string;
  pieces: number[][];
  closed: boolean;
}

/**
 * The save picker of the File System Access API (Chromium's), as a page sees it, standing in
 * for the real one (a dialog of the desktop's, which a test cannot answer): the file the page
 * asks for is kept in the page, piece by piece as it writes them, for the test to read.
 */
function pickedFile(): void {
  const saved: Saved = { name: "", pieces: [], closed: false };
  Object.assign(window, {
    saved,
    showSaveFilePicker: async (options: { suggestedName: string }) => {
      saved.name = options.suggestedName;
      return {
        createWritable: async () => ({
          write: async (data: Uint8Array) => void saved.pieces.push(Array.from(data)),
          close: async () => void (saved.closed = true),
          abort: async () => void (saved.pieces = []),
        }),
      };
    },
  });
}

/** A browser without the save picker: the page hands the file to the downloads instead. */
function noSavePicker(): void {
  Reflect.deleteProperty(window, "showSaveFilePicker");
}

/** A CSV file's lines (its byte order mark dropped), from the archive's bytes. */
function lines(files: Record<string, Uint8Array>, name: string): string[] {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(files[name]);
  expect(text.startsWith("\uFEFF"), `${name} starts with a byte order mark`).toBe(true);
  return text
    .slice(1)
    .split("\r\n")
    .filter((line) => line !== "");
}

test.describe("as a police manager", () => {
  test.use({ role: "police manager" });

  test("[manager] downloads the evaluators' extract of a period and finds its files, rows and log row", async ({
    page,
    db,
    expectAccessible,
  }) => {
    await page.addInitScript(noSavePicker);
    await page.goto(`${WEB}/reports`);
    await page.getByRole("link", { name: "The evaluators' extract" }).click();
    await expect(
      page.getByRole("heading", { name: "The evaluators' extract", level: 1 }),
    ).toBeVisible();
    await expect(page.getByText(/No names, aliases or identity numbers/)).toBeVisible();
    await expectAccessible();

    // The button is enabled once the page has hydrated: days typed before then would be lost.
    await expect(page.getByRole("button", { name: "Make and download the extract" })).toBeEnabled();
    await page.getByLabel("First day (optional)").fill("2020-01-01");
    await page.getByLabel("Last day (optional)").fill("2020-05-19");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Make and download the extract" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("truce-evaluators-extract_2020-01-01_2020-05-19.zip");
    await expect(page.getByRole("status")).toContainText(
      /Saved truce-evaluators-extract_2020-01-01_2020-05-19\.zip \(\d+\.\d MB\)/,
    );

    const files = unzipSync(new Uint8Array(await readFile((await file.path())!)));
    expect(Object.keys(files)).toEqual([...EXTRACT_FILES]);
    const people = lines(files, "people.csv");
    expect(people[0]).toBe(
      "person,birth_year,minor_at_registration,district,status,risk_level,supervision,category,registering_agency_kind,registered_month",
    );
    // Every approved person, whatever the period; no pending one.
    const [approved] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(individual)
      .where(ne(individual.registrationStatus, "pending"));
    expect(people.length - 1).toBe(approved!.n);
    expect(people[1]).toMatch(/^P[0-9a-f]{16},(\d{4})?,/);
    const interventions = lines(files, "interventions.csv").slice(1);
    expect(interventions.length).toBeGreaterThan(0);
    for (const line of interventions) {
      const day = line.split(",")[4]!;
      expect(day >= "2020-01-01" && day <= "2020-05-19", day).toBe(true);
    }
    const readme = new TextDecoder().decode(files["README.md"]);
    expect(readme).toContain(`### people.csv (${approved!.n} rows)`);
    expect(readme).toContain("from 2020-01-01 to 2020-05-19");

    const [manager] = await db
      .select({ id: user.id })
      .from(user)
      .where(eq(user.email, "police.manager@truce.example"));
    // This period's extract (another test may make one of its own meanwhile, as this manager).
    const logged = await db
      .select({ detail: accessLog.detail })
      .from(accessLog)
      .where(and(eq(accessLog.userId, manager!.id), eq(accessLog.entityId, "evaluatorsExtract")))
      .orderBy(desc(accessLog.id));
    const ours = logged.filter(
      (row) => (row.detail as { filters?: { from?: string } }).filters?.from === "2020-01-01",
    );
    expect(ours[0]?.detail).toMatchObject({
      audience: "evaluators",
      filters: { from: "2020-01-01", to: "2020-05-19" },
      rows: { "people.csv": approved!.n, "interventions.csv": interventions.length },
    });
    await expectAccessible();
  });

  test("[manager] days out of order get the rule's message and no download", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/reports/extract`);
    await expect(page.getByRole("button", { name: "Make and download the extract" })).toBeEnabled();
    await page.getByLabel("First day (optional)").fill("2020-05-01");
    await page.getByLabel("Last day (optional)").fill("2020-01-01");
    await expect(page.getByText("The last day must be the first day or after it.")).toBeVisible();
    await expect(
      page.getByRole("button", { name: "Make and download the extract" }),
    ).toBeDisabled();
    await expectAccessible();
  });
});

test.describe("the route, as a police manager", () => {
  test.use({ role: "police manager" });

  test("[manager] the route refuses another site's request and a GET, with the API's headers", async ({
    page,
  }) => {
    await page.goto(`${WEB}/reports/extract`);
    const crossSite = await page.request.post(`${WEB}/api/reports/extract`, {
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      data: "{}",
    });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.json()).toMatchObject({
      error: { messageKey: "apiErrors.request.crossSite" },
    });
    const headers = crossSite.headers();
    expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["x-correlation-id"]).toMatch(/^[0-9a-f]{8}$/);
    const get = await page.request.get(`${WEB}/api/reports/extract`, {
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(get.status()).toBe(405);
  });
});

test.describe("in Swedish, on a phone", () => {
  test.use({ role: "police manager", viewport: { width: 390, height: 844 }, isMobile: true });

  test("[manager] makes the whole extract in Swedish at a phone's width", async ({
    page,
    expectAccessible,
  }) => {
    // This browser lets the page write the file the manager picks: it goes there as it comes.
    await page.addInitScript(pickedFile);
    let downloads = 0;
    page.on("download", () => void (downloads += 1));
    await page.goto(`${WEB}/reports/extract`);
    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "Svenska" }).click();
    await expect(
      page.getByRole("heading", { name: "Utvärderarnas uttag", level: 1 }),
    ).toBeVisible();
    expect(await page.evaluate(overflows)).toBe(false);
    await expectAccessible();
    await page.getByRole("button", { name: "Gör och hämta uttaget" }).click();
    await expect(page.getByRole("status")).toContainText(/Sparade truce-evaluators-extract_/);
    const saved = await page.evaluate(() => (window as unknown as { saved: Saved }).saved);
    expect(saved.name).toMatch(/^truce-evaluators-extract_start_\d{4}-\d{2}-\d{2}\.zip$/);
    expect(saved.closed).toBe(true);
    expect(downloads).toBe(0);
    const files = unzipSync(new Uint8Array(saved.pieces.flat()));
    expect(Object.keys(files)).toEqual([...EXTRACT_FILES]);
    expect(await page.evaluate(overflows)).toBe(false);
    await expectAccessible();
  });
});

test.describe("as staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] gets the managers-only page, and the route refuses them", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/reports/extract`);
    await expect(page.getByText("The reports are for the programme's managers.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Make and download the extract" })).toHaveCount(
      0,
    );
    await expectAccessible();
    // The route itself, from this site's own origin with the staff member's session.
    const res = await page.request.post(`${WEB}/api/reports/extract`, {
      headers: { origin: WEB, "content-type": "application/json" },
      data: "{}",
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ error: { messageKey: "apiErrors.roleNotAllowed" } });
    expect(res.headers()["cache-control"]).toBe("no-store");
  });
});
