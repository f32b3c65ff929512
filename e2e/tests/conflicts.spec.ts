/**
 * Conflicts and alliances as staff use them: recording a conflict between two groups,
 * changing its status with a reason and finding the change in its history under their name,
 * filtering the list by status in the address; recording an alliance and ending it; and the
 * pages at a phone's width.
 */
import { desc, eq } from "@truce/db";
import { programmeToday } from "@truce/db/programme-calendar";
import { alliance, conflict, conflictChange, user } from "@truce/db/schema";
import { uniqueTag } from "@truce/db/testing";
import { expect, test, WEB } from "./fixtures";
import { choosePurposeBeforehand } from "./support";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] records a conflict between two groups, escalates it with a reason, and sees the change in its history with their name", async ({
    page,
    api,
    db,
    expectAccessible,
  }) => {
    const tag = uniqueTag();
    const police = await api.web("police staff");
    const north = await police.group.create({ name: `Norrby ${tag}`, area: "Norrby" });
    const south = await police.group.create({ name: `Söderby ${tag}`, area: "Söderby" });
    const title = `Norrby vs Söderby ${tag}`;
    await choosePurposeBeforehand(page, WEB);

    await page.goto(`${WEB}/conflicts`);
    await expect(page.getByRole("heading", { name: "Conflicts" })).toBeVisible();
    await expectAccessible();
    await page.getByRole("link", { name: "Record a conflict" }).click();
    await expect(page.getByRole("heading", { name: "Record a conflict" })).toBeVisible();

    // Nothing filled in: the title and the parties each say what they need.
    await page.getByRole("button", { name: "Record the conflict" }).click();
    await expect(page.getByText("Give the conflict a title of 2 to 200 characters.")).toBeVisible();
    await expect(
      page.getByText("Give 2 to 20 parties: groups or people, each on a side."),
    ).toBeVisible();

    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Started").fill("2024-03-01");
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Active" });
    await page.getByLabel("Risk level").selectOption({ label: "High" });
    await page.getByLabel("A group: search by name or alias").fill(`norrby ${tag}`);
    await page.getByRole("button", { name: `Choose Norrby ${tag}` }).click();
    await page.getByLabel("A group: search by name or alias").fill(`Söderby ${tag}`);
    await page.getByRole("button", { name: `Choose Söderby ${tag}` }).click();
    await expect(page.getByLabel(`Side of Norrby ${tag}`)).toHaveValue("A");
    await expect(page.getByLabel(`Side of Söderby ${tag}`)).toHaveValue("B");
    await expectAccessible();
    await page.getByRole("button", { name: "Record the conflict" }).click();

    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await expect(page.getByRole("link", { name: `Norrby ${tag}` })).toHaveAttribute(
      "href",
      `/groups/${north.id}`,
    );
    await expect(page.getByRole("link", { name: `Söderby ${tag}` })).toHaveAttribute(
      "href",
      `/groups/${south.id}`,
    );
    const history = page.getByTestId("conflict-history");
    await expect(history).toContainText("Recorded as Active, High risk");
    await expectAccessible();

    // Escalating, with the reason: a row of its history under the officer's own name.
    await page.getByRole("button", { name: "Change status or risk" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Status").selectOption({ label: "Escalating" });
    await dialog.getByLabel("Reason").fill("Shots fired at the Söderby side's meeting place.");
    await expectAccessible();
    await dialog.getByRole("button", { name: "Save the change" }).click();
    await expect(dialog).toBeHidden();
    await expect(history.getByRole("listitem").first()).toContainText(
      "Active, High risk → Escalating, High risk",
    );
    await expect(history.getByRole("listitem").first()).toContainText("Elin Berg (Malmvik Police)");
    await expect(history.getByRole("listitem").first()).toContainText(
      "Shots fired at the Söderby side's meeting place.",
    );

    const [recorded] = await db.select().from(conflict).where(eq(conflict.title, title));
    expect(recorded).toMatchObject({ status: "escalating", riskLevel: "high", version: 2 });
    const [officer] = await db
      .select({ id: user.id })
      .from(user)
      .where(eq(user.email, "police.staff@truce.example"));
    const [latest] = await db
      .select()
      .from(conflictChange)
      .where(eq(conflictChange.conflictId, recorded!.id))
      .orderBy(desc(conflictChange.changedAt))
      .limit(1);
    expect(latest).toMatchObject({
      previousStatus: "active",
      status: "escalating",
      changedById: officer!.id,
    });

    // The list filtered by status keeps the filter in the address.
    await page.goto(`${WEB}/conflicts?q=${encodeURIComponent(title)}`);
    await page.getByRole("button", { name: "Escalating" }).click();
    await expect(page).toHaveURL(/status=escalating/);
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    await page.getByRole("button", { name: "Latent" }).click();
    await expect(page).toHaveURL(/status=latent%2Cescalating|status=latent,escalating/);
    await page.getByRole("button", { name: "Escalating" }).click();
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
    await expectAccessible();
  });

  test("[police staff] records an alliance between two groups, then ends it", async ({
    page,
    api,
    db,
    expectAccessible,
  }) => {
    const tag = uniqueTag();
    const police = await api.web("police staff");
    const east = await police.group.create({ name: `Österby ${tag}`, area: "Österby" });
    const west = await police.group.create({ name: `Västerby ${tag}`, area: "Västerby" });

    await page.goto(`${WEB}/alliances`);
    await expect(page.getByRole("heading", { name: "Alliances" })).toBeVisible();
    await expectAccessible();
    await page.getByRole("button", { name: "Record an alliance" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("First group").fill(`Österby ${tag}`);
    await dialog.getByRole("button", { name: `Choose Österby ${tag}` }).click();
    await dialog.getByLabel("Second group").fill(`Västerby ${tag}`);
    await dialog.getByRole("button", { name: `Choose Västerby ${tag}` }).click();
    await expect(dialog.getByRole("button", { name: `Change Västerby ${tag}` })).toBeVisible();
    // From today: the alliances in force are listed the latest first, so it is on the first page.
    const today = programmeToday();
    await dialog.getByLabel("From").fill(today);
    await dialog.getByLabel("Note").fill("Seen together at the square.");
    await expectAccessible();
    await dialog.getByRole("button", { name: "Record the alliance" }).click();
    await expect(dialog).toBeHidden();

    const end = page.getByRole("button", {
      name: `End the alliance of Österby ${tag} and Västerby ${tag}`,
    });
    await expect(end).toBeVisible();
    await end.click();
    const confirm = page.getByRole("dialog");
    await confirm.getByLabel("Last day").fill(today);
    await confirm.getByRole("button", { name: "End the alliance" }).click();
    await expect(confirm).toBeHidden();
    await expect(end).toHaveCount(0);

    const [row] = await db.select().from(alliance).where(eq(alliance.groupAId, east.id));
    expect(row).toMatchObject({
      groupBId: west.id,
      fromOn: today,
      toOn: today,
      note: "Seen together at the square.",
      version: 2,
    });
    await expectAccessible();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police staff", viewport: { width: 390, height: 844 }, isMobile: true });

  test("[police staff] on a phone, the conflicts, a conflict's profile, its form and the alliances fit the screen", async ({
    page,
    api,
    expectAccessible,
  }) => {
    const tag = uniqueTag();
    const police = await api.web("police staff");
    const a = await police.group.create({ name: `Kustby ${tag}`, area: "Kustby" });
    const b = await police.group.create({ name: `Skogsby ${tag}`, area: "Skogsby" });
    const { id } = await police.conflict.create({
      title: `Kustby vs Skogsby ${tag}`,
      status: "active",
      riskLevel: "critical",
      parties: [
        { kind: "group", id: a.id, side: "A" },
        { kind: "group", id: b.id, side: "B" },
      ],
    });
    await choosePurposeBeforehand(page, WEB);

    await page.goto(`${WEB}/conflicts`);
    await expect(page.getByRole("button", { name: "Escalating" })).toBeVisible();
    expect(await page.evaluate(overflows), "the list fits the phone's width").toBe(false);
    await page.goto(`${WEB}/conflicts/${id}`);
    await expect(page.getByRole("heading", { name: `Kustby vs Skogsby ${tag}` })).toBeVisible();
    expect(await page.evaluate(overflows), "the profile fits the phone's width").toBe(false);
    await expectAccessible();
    await page.goto(`${WEB}/conflicts/new`);
    await expect(page.getByLabel("Title")).toBeVisible();
    expect(await page.evaluate(overflows), "the form fits the phone's width").toBe(false);
    await page.goto(`${WEB}/alliances`);
    await expect(page.getByRole("button", { name: "Record an alliance" })).toBeVisible();
    expect(await page.evaluate(overflows), "the alliances fit the phone's width").toBe(false);
    await expectAccessible();
  });
});
