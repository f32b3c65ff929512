/**
 * The network picture as a manager uses it: the groups of an area, their conflicts and
 * alliances drawn and listed, filtered by a conflict's status in the address, and a conflict
 * followed from the table to its page; and the page at a phone's width.
 *
 * The picture is drawn by Cytoscape on a canvas, and the browser tests run the production
 * build, which exposes no test hook into it (a `window` hook only outside production would
 * not be there). So the tests check what the canvas was given (`data-node-count`,
 * `data-edge-count` on its frame) and follow the same links through the table, which is
 * what keyboard and screen-reader users use too.
 */
import { alliance, conflict, conflictParty, group } from "@truce/db/schema";
import { uniqueTag } from "@truce/db/testing";
import type { Db } from "@truce/db";
import { expect, test, WEB } from "./fixtures";
import { choosePurposeBeforehand } from "./support";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

/**
 * Three groups of an area of the test's own: North and South in a latent conflict, North and
 * East allied. No procedure writes groups or conflicts yet, so typed inserts.
 */
async function seedArea(db: Db) {
  const tag = uniqueTag();
  const area = `Nätby ${tag}`;
  const [north, south, east] = await db
    .insert(group)
    .values(["North", "South", "East"].map((name) => ({ name: `${name} ${tag}`, area })))
    .returning({ id: group.id, name: group.name });
  const [feud] = await db
    .insert(conflict)
    .values({ title: `Harbour feud ${tag}`, status: "latent", riskLevel: "high" })
    .returning({ id: conflict.id, title: conflict.title });
  await db.insert(conflictParty).values([
    { conflictId: feud!.id, groupId: north!.id, side: "A" },
    { conflictId: feud!.id, groupId: south!.id, side: "B" },
  ]);
  await db
    .insert(alliance)
    .values({ groupAId: north!.id, groupBId: east!.id, fromOn: "2024-03-01" });
  return { area, north: north!, south: south!, east: east!, feud: feud! };
}

test.describe("as a police manager", () => {
  test.use({ role: "police manager" });

  test("[manager] sees an area's network, filters it by a conflict's status, and follows a conflict from the table", async ({
    page,
    db,
    expectAccessible,
  }) => {
    const { area, north, east, feud } = await seedArea(db);
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/network`);
    await expect(page.getByRole("heading", { name: "Network", level: 1 })).toBeVisible();

    await page.getByLabel("Area", { exact: true }).selectOption(area);
    await expect(page).toHaveURL((url) => url.searchParams.get("area") === area);
    const summary = page.getByTestId("network-summary");
    await expect(summary).toHaveText(
      "3 groups, 1 conflict, 1 alliance; the table below lists them.",
    );
    const picture = page.getByTestId("network-picture");
    await expect(picture).toHaveAttribute("data-node-count", "3");
    await expect(picture).toHaveAttribute("data-edge-count", "2");
    // The canvas is drawn in the browser only; its frame holds it once it has loaded.
    await expect(picture.locator("canvas").first()).toBeAttached();
    const table = page.getByRole("region", { name: "Groups, their conflicts and alliances" });
    // Each group's name links to it in its own row and in its allies' rows.
    await expect(table.getByRole("link", { name: north.name }).first()).toBeVisible();
    await expect(table.getByRole("link", { name: east.name }).first()).toBeVisible();
    await expect(table.getByRole("link", { name: feud.title }).first()).toBeVisible();
    await expectAccessible();

    // Latent conflicts left out: the feud leaves the picture and the table, the address says so.
    await page.getByRole("checkbox", { name: "Latent" }).uncheck();
    await expect(page).toHaveURL(
      (url) => url.searchParams.get("status") === "active,escalating,mediated",
    );
    await expect(summary).toHaveText(
      "3 groups, no conflicts, 1 alliance; the table below lists them.",
    );
    await expect(picture).toHaveAttribute("data-edge-count", "1");
    await expect(table.getByRole("link", { name: feud.title })).toHaveCount(0);

    // A reload keeps the filter; putting latent back is the default again, out of the address.
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Latent" })).not.toBeChecked();
    await page.getByRole("checkbox", { name: "Latent" }).check();
    await expect(page).not.toHaveURL(/status=/);
    await expect(summary).toHaveText(
      "3 groups, 1 conflict, 1 alliance; the table below lists them.",
    );

    await table.getByRole("link", { name: feud.title }).first().click();
    await expect(page).toHaveURL(`${WEB}/conflicts/${feud.id}`);
    await expect(page.getByRole("heading", { name: feud.title, level: 1 })).toBeVisible();
    await expectAccessible();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police manager", viewport: { width: 390, height: 844 }, isMobile: true });

  test("[manager] the network fits a phone's width, the table scrolling in its own frame", async ({
    page,
    db,
    expectAccessible,
  }) => {
    const { area, north } = await seedArea(db);
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/network?area=${encodeURIComponent(area)}`);
    const picture = page.getByTestId("network-picture");
    await expect(picture.locator("canvas").first()).toBeAttached();
    await expect(page.getByRole("link", { name: north.name }).first()).toBeVisible();
    expect(await page.evaluate(overflows)).toBe(false);
    const box = await picture.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await expectAccessible();
  });
});
