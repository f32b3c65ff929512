/**
 * Incidents as staff record and review them: a shooting with a person and a group as
 * parties and its conflict, each found by typing part of the name, found again in the list by
 * its filters (kept in the address, the conflict's named from there too), and reviewed.
 */
import { eq } from "@truce/db";
import { group, incident, incidentParty } from "@truce/db/schema";
import { uniqueTag } from "@truce/db/testing";
import { expect, test, WEB } from "./fixtures";
import { choosePurposeBeforehand, fullName } from "./support";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] records a shooting with a person, a group and its conflict, finds it by its filters and reviews it", async ({
    page,
    seed,
    db,
    api,
    expectAccessible,
  }) => {
    const person = await seed.person();
    const tag = uniqueTag();
    const [someGroup, otherGroup] = await db
      .insert(group)
      .values([
        { name: `Incident spec ${tag}`, area: "Testby" },
        { name: `Incident spec ${tag} 2`, area: "Testby" },
      ])
      .returning({ id: group.id, name: group.name });
    const police = await api.web("police staff");
    const feud = { title: `Skottby feud ${tag}` };
    const { id: conflictId } = await police.conflict.create({
      ...feud,
      status: "active",
      riskLevel: "high",
      parties: [
        { kind: "group", id: someGroup!.id, side: "A" },
        { kind: "group", id: otherGroup!.id, side: "B" },
      ],
    });
    const district = `Skottby ${uniqueTag()}`;
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/incidents`);
    await page.getByRole("link", { name: "Record an incident" }).click();
    await expect(page.getByRole("heading", { name: "Record an incident" })).toBeVisible();

    await page.getByRole("button", { name: "Save the incident" }).click();
    await expect(page.getByText("Choose what kind of incident it was.")).toBeVisible();
    await expect(page.getByText("Give the district, at most 100 characters.")).toBeVisible();

    await page.getByLabel("Kind").selectOption({ label: "Shooting" });
    await page.getByLabel("Date and time").fill("2026-03-14T21:40");
    await page.getByLabel("District").fill(district);
    await page.getByLabel("Injured").fill("2");
    await page.getByLabel("What happened").fill("Shots fired at a car outside the square.");
    await page.getByLabel("Add a person").fill(person.familyName);
    await page.getByRole("button", { name: `Choose ${fullName(person)}` }).click();
    await page.getByLabel("Role").first().selectOption({ label: "Victim" });
    // Two groups' names hold what is typed: the one chosen by its own name.
    await page.getByLabel("Add a group").fill(`incident SPEC ${tag}`);
    await expect(page.getByRole("button", { name: /^Choose Incident spec/ })).toHaveCount(2);
    await page.getByRole("button", { name: `Choose ${someGroup!.name}`, exact: true }).click();
    await expect(page.getByTestId("incident-party")).toHaveCount(2);
    await page.getByLabel("Conflict").fill(`skottby feud ${tag}`);
    await page.getByRole("button", { name: `Choose ${feud.title}` }).click();
    await expect(page.getByRole("button", { name: `Change ${feud.title}` })).toBeVisible();
    await expectAccessible();
    await page.getByRole("button", { name: "Save the incident" }).click();

    await expect(page.getByRole("heading", { name: `Shooting, ${district}` })).toBeVisible();
    await expect(page.getByRole("link", { name: fullName(person) })).toBeVisible();
    await expect(page.getByRole("link", { name: someGroup!.name })).toBeVisible();
    await expectAccessible();
    const [written] = await db.select().from(incident).where(eq(incident.district, district));
    expect(written).toMatchObject({ kind: "shooting", injured: 2, dead: 0 });
    const parties = await db
      .select()
      .from(incidentParty)
      .where(eq(incidentParty.incidentId, written!.id));
    expect(parties.map((p) => p.role).sort()).toEqual(["linked", "victim"]);
    expect(written!.conflictId).toBe(conflictId);

    await page.getByRole("button", { name: "Review" }).click();
    const dialog = page.getByRole("dialog", { name: "Incident review" });
    await dialog.getByLabel("Group members involved").selectOption({ label: "Confirmed" });
    await dialog.getByRole("button", { name: "Save the review" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Confirmed")).toBeVisible();

    // The list, filtered to that day and district, keeps its filters in the address.
    await page.goto(`${WEB}/incidents?district=${encodeURIComponent(district)}`);
    await page.getByLabel("Kind").selectOption({ label: "Shooting" });
    await expect(page).toHaveURL(/kind=shooting/);
    await page.getByLabel("From").fill("2026-03-14");
    await expect(page).toHaveURL(/from=2026-03-14/);
    await expect(page.getByRole("cell", { name: district })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Kind")).toHaveValue("shooting");
    await expect(page.getByText("1 incident", { exact: true })).toBeVisible();
    await expectAccessible();
    await page.getByLabel("From").fill("2026-03-15");
    await expect(page.getByText("No incidents match the filters.")).toBeVisible();

    // A bookmark of the conflict's incidents names the conflict; taking it back clears it.
    await page.goto(`${WEB}/incidents?conflictId=${conflictId}`);
    await expect(page.getByRole("button", { name: `Change ${feud.title}` })).toBeVisible();
    await expect(page.getByRole("cell", { name: district })).toBeVisible();
    await expect(page.getByText("1 incident", { exact: true })).toBeVisible();
    await expectAccessible();
    await page.getByRole("button", { name: `Change ${feud.title}` }).click();
    await expect(page).not.toHaveURL(/conflictId/);
    await expect(page.getByLabel("Conflict")).toBeFocused();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police staff", viewport: { width: 390, height: 844 }, isMobile: true });

  test("[police staff] on a phone, the incident list and form fit the screen", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/incidents`);
    await expect(page.getByLabel("Kind")).toBeVisible();
    expect(await page.evaluate(overflows), "the list fits the phone's width").toBe(false);
    await expectAccessible();
    await page.goto(`${WEB}/incidents/new`);
    await expect(page.getByLabel("Add a person")).toBeVisible();
    expect(await page.evaluate(overflows), "the form fits the phone's width").toBe(false);
    await expectAccessible();
  });
});
