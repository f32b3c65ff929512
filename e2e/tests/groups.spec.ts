/**
 * The groups as staff use them: recording a group, adding a person to it by a search of the
 * register, ending the membership after confirming its last day, and writing a note on the
 * group; the list and the profile at a phone's width.
 */
import { and, eq } from "@truce/db";
import { accessLog, group, groupMembership, note } from "@truce/db/schema";
import { uniqueTag } from "@truce/db/testing";
import { expect, test, WEB } from "./fixtures";
import { choosePurposeBeforehand, fullName, listedName } from "./support";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] records a group, adds a member, ends the membership and writes a note on the group", async ({
    page,
    seed,
    db,
    expectAccessible,
  }) => {
    const tag = uniqueTag();
    const name = `Stenbacken ${tag}`;
    const person = await seed.person({ familyName: `Lind${tag.replace(/\d/g, "x")}` });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/groups`);
    await expect(page.getByRole("heading", { name: "Groups", exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Record a group" }).click();
    await expect(page.getByRole("heading", { name: "Record a group" })).toBeVisible();
    await expectAccessible();

    // Nothing filled in: each required field says what it needs, beside it.
    await page.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByText("Give the group's name, at most 100 characters.")).toBeVisible();
    await expect(page.getByText("Give the area, at most 100 characters.")).toBeVisible();

    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Area", { exact: true }).fill("Stenbacken");
    await page.getByLabel("Aliases").fill("SB, Backen");
    await page.getByLabel("Description").fill("Sells in the square at night.");
    await page.getByRole("button", { name: "Record", exact: true }).click();

    await expect(page.getByRole("heading", { name })).toBeVisible();
    const [recorded] = await db.select().from(group).where(eq(group.name, name));
    expect(recorded).toMatchObject({
      aliases: ["SB", "Backen"],
      area: "Stenbacken",
      status: "active",
      description: "Sells in the square at night.",
    });
    await expect(page.getByText("No members recorded.")).toBeVisible();
    await expectAccessible();

    // The same name again, in other letters' case, is refused with a message.
    await page.goto(`${WEB}/groups/new`);
    await page.getByLabel("Name", { exact: true }).fill(name.toUpperCase());
    await page.getByLabel("Area", { exact: true }).fill("Elsewhere");
    await page.getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.getByTestId("form-error")).toContainText(
      "A group with this name is already recorded",
    );
    await page.goto(`${WEB}/groups/${recorded!.id}`);

    // Add a member: search the register, pick the person, choose the affiliation and start.
    await page.getByRole("button", { name: "Add a member" }).click();
    const add = page.getByRole("dialog", { name: "Add a member" });
    await add.getByLabel("Search by name").fill(person.familyName);
    await add.getByRole("radio", { name: new RegExp(listedName(person)) }).check();
    await add.getByLabel("Affiliation").selectOption({ label: "Core" });
    await add.getByLabel("Member since").fill("2024-02-01");
    await add.getByLabel("Source").fill("Police intelligence report");
    await expectAccessible();
    await add.getByRole("button", { name: "Add member" }).click();
    await expect(add).toBeHidden();

    const members = page.getByRole("list", { name: "Members" });
    const row = members.getByTestId("membership").filter({ hasText: fullName(person) });
    await expect(row.getByRole("link", { name: fullName(person) })).toHaveAttribute(
      "href",
      `/individuals/${person.id}`,
    );
    await expect(row).toContainText("Current");
    const [membership] = await db
      .select()
      .from(groupMembership)
      .where(
        and(eq(groupMembership.groupId, recorded!.id), eq(groupMembership.individualId, person.id)),
      );
    expect(membership).toMatchObject({ affiliation: "core", fromOn: "2024-02-01", toOn: null });

    // End it, after confirming the last day.
    await row.getByRole("button", { name: `End membership of ${fullName(person)}` }).click();
    const end = page.getByRole("dialog", { name: "End the membership" });
    await end.getByLabel("Last day of membership").fill("2024-06-30");
    await expectAccessible();
    await end.getByRole("button", { name: "End membership" }).click();
    await expect(end).toBeHidden();
    await expect(row).toContainText("Past");
    await expect(row.getByRole("button", { name: /End membership/ })).toHaveCount(0);
    const [ended] = await db
      .select({ toOn: groupMembership.toOn, version: groupMembership.version })
      .from(groupMembership)
      .where(eq(groupMembership.id, membership!.id));
    expect(ended).toEqual({ toOn: "2024-06-30", version: 2 });
    const [logged] = await db
      .select({ fields: accessLog.fields })
      .from(accessLog)
      .where(and(eq(accessLog.entityId, membership!.id), eq(accessLog.action, "update")));
    expect(logged?.fields).toEqual(["toOn"]);

    // A note on the group: at the top of its notes once saved.
    const text = `Meets at the kiosk on Fridays ${tag}.`;
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByText("Write the note before saving it.")).toBeVisible();
    await page.getByLabel("New note").fill(text);
    await page.getByRole("button", { name: "Save note" }).click();
    const notes = page.getByRole("list", { name: "Notes" });
    await expect(notes.getByRole("listitem").first()).toContainText(text);
    const [written] = await db.select().from(note).where(eq(note.body, text));
    expect(written).toMatchObject({ groupId: recorded!.id, individualId: null, kind: "fact" });
    await expectAccessible();
  });

  test("[police staff] finds a group by an alias, and a reload keeps the filters from the address", async ({
    page,
    db,
    expectAccessible,
  }) => {
    const tag = uniqueTag();
    const area = `Filterby ${tag}`;
    await db.insert(group).values([
      { name: `Active ${tag}`, aliases: [`ALIAS${tag}`], area },
      { name: `Dormant ${tag}`, area, status: "dormant" },
    ]);
    await page.goto(`${WEB}/groups?q=${encodeURIComponent(`alias${tag}`)}`);
    await expect(page.getByRole("link", { name: `Active ${tag}` })).toBeVisible();
    await expect(page.getByRole("link", { name: `Dormant ${tag}` })).toHaveCount(0);

    await page.goto(`${WEB}/groups?area=${encodeURIComponent(area)}`);
    await expect(page.getByRole("link", { name: `Dormant ${tag}` })).toBeVisible();
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Dormant" });
    await expect(page).toHaveURL(/status=dormant/);
    await page.reload();
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("dormant");
    await expect(page.getByLabel("Area", { exact: true })).toHaveValue(area);
    await expect(page.getByRole("link", { name: `Dormant ${tag}` })).toBeVisible();
    await expect(page.getByRole("link", { name: `Active ${tag}` })).toHaveCount(0);
    await expectAccessible();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police staff", viewport: { width: 375, height: 812 }, isMobile: true });

  test("[police staff] on a phone, the groups, a group's profile and its dialogs fit the screen", async ({
    page,
    db,
    seed,
    expectAccessible,
  }) => {
    const tag = uniqueTag();
    const [g] = await db
      .insert(group)
      .values({ name: `Phone ${tag} with a rather long name indeed`, area: "Kvarnåsen" })
      .returning({ id: group.id });
    const person = await seed.person();
    await db
      .insert(groupMembership)
      .values({ groupId: g!.id, individualId: person.id, affiliation: "member" });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/groups`);
    await expect(page.getByLabel("Status", { exact: true })).toBeVisible();
    expect(await page.evaluate(overflows), "the list fits the phone's width").toBe(false);
    await page.goto(`${WEB}/groups/${g!.id}`);
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
    expect(await page.evaluate(overflows), "the profile fits the phone's width").toBe(false);
    await page.getByRole("button", { name: "Add a member" }).click();
    await expect(page.getByRole("dialog", { name: "Add a member" })).toBeVisible();
    expect(await page.evaluate(overflows), "the dialog fits the phone's width").toBe(false);
    await expectAccessible();
    await page.keyboard.press("Escape");
    await page.goto(`${WEB}/groups/new`);
    await expect(page.getByLabel("Description")).toBeVisible();
    expect(await page.evaluate(overflows), "the form fits the phone's width").toBe(false);
    await expectAccessible();
  });
});
