/**
 * The register as staff use it: registering a person (with the warning of a likely
 * duplicate), finding them again by a misspelt name, filtering the list with the filters in
 * the address, editing a record while someone else edits it too, and changing a status.
 */
import { and, eq } from "@truce/db";
import { accessLog, group, groupMembership, individual } from "@truce/db/schema";
import { uniqueTag } from "@truce/db/testing";
import { expect, test, WEB } from "./fixtures";
import { choosePurposeBeforehand, fullName, listedName } from "./support";

/** A family name of the test's own, in letters only, so a name search trigrams it whole. */
const lettersTag = () => uniqueTag().replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!);

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] registers a person, is warned of a likely duplicate, and finds them again by a misspelt name", async ({
    page,
    seed,
    db,
    expectAccessible,
  }) => {
    const family = `Kowalski${lettersTag()}`;
    const earlier = await seed.person({
      givenName: "Mohammed",
      familyName: family,
      dateOfBirth: "2001-06-30",
    });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/individuals`);
    await page.getByRole("link", { name: "Register a person" }).click();
    await expect(page.getByRole("heading", { name: "Register a person" })).toBeVisible();
    await expectAccessible();

    // Nothing filled in: each required field says what it needs, beside it.
    await page.getByRole("button", { name: "Register", exact: true }).click();
    await expect(
      page.getByText("Give the person's given name, at most 100 characters."),
    ).toBeVisible();
    await expect(page.getByText("Choose the category the person is registered in.")).toBeVisible();
    await expect(page.getByText(/Give the reason for the registration/)).toBeVisible();

    await page.getByLabel("Given name").fill("Mohamad");
    await page.getByLabel("Family name").fill(family);
    await page.getByLabel("Aliases").fill("Lillen, M");
    await page.getByLabel("Date of birth").fill("2001-02-03");
    await page.getByLabel("District").fill("Rosengård");
    await page.getByLabel("Category").selectOption({ label: "Group member" });
    await page.getByLabel("Risk level").selectOption({ label: "High" });
    await page
      .getByLabel("Reason for registration")
      .fill("Seen armed with the group's core members.");
    await page.getByRole("button", { name: "Register", exact: true }).click();

    // Someone born the same year with a name like it is already registered: the officer decides.
    const warning = page.getByTestId("likely-duplicates");
    await expect(warning).toContainText("Someone like this person is already registered");
    await expect(warning.getByRole("link", { name: fullName(earlier) })).toBeVisible();
    await expectAccessible();
    await warning.getByRole("button", { name: "Register anyway" }).click();

    await expect(page.getByRole("heading", { name: `Mohamad ${family}` })).toBeVisible();
    await expect(page.getByText("Pending approval")).toBeVisible();
    const [registered] = await db
      .select()
      .from(individual)
      .where(and(eq(individual.familyName, family), eq(individual.givenName, "Mohamad")));
    expect(registered).toMatchObject({
      aliases: ["Lillen", "M"],
      dateOfBirth: "2001-02-03",
      category: "group_member",
      riskLevel: "high",
      registrationStatus: "pending",
    });
    const [created] = await db
      .select({ fields: accessLog.fields })
      .from(accessLog)
      .where(and(eq(accessLog.entityId, registered!.id), eq(accessLog.action, "create")));
    expect(created?.fields).toContain("registrationReason");

    // Found again by a misspelt name.
    const misspelt = `Mohammad ${family.replace("Kowalski", "Kovalski")}`;
    await page.goto(`${WEB}/individuals?q=${encodeURIComponent(misspelt)}`);
    await expect(
      page.getByRole("link", { name: listedName({ givenName: "Mohamad", familyName: family }) }),
    ).toBeVisible();
    await expectAccessible();
  });

  test("[police staff] filters the register, and a reload keeps the filters from the address", async ({
    page,
    seed,
    db,
    expectAccessible,
  }) => {
    const district = `Filterby ${uniqueTag()}`;
    const relocated = await seed.person({ district, status: "relocated", riskLevel: "critical" });
    const active = await seed.person({ district, status: "active" });
    await page.goto(`${WEB}/individuals?district=${encodeURIComponent(district)}`);
    await expect(page.getByRole("link", { name: listedName(active) })).toBeVisible();
    await expect(page.getByRole("link", { name: listedName(relocated) })).toBeVisible();

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Relocated" });
    await expect(page).toHaveURL(/status=relocated/);
    await expect(page.getByRole("link", { name: listedName(active) })).toHaveCount(0);
    await expect(page.getByRole("link", { name: listedName(relocated) })).toBeVisible();
    await page.getByLabel("Order").selectOption({ label: "Review due, latest first" });
    await expect(page).toHaveURL(/sort=reviewDue/);

    await page.reload();
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("relocated");
    await expect(page.getByLabel("Order")).toHaveValue("reviewDue:desc");
    await expect(page.getByRole("link", { name: listedName(relocated) })).toBeVisible();
    await expect(page.getByRole("link", { name: listedName(active) })).toHaveCount(0);
    await expectAccessible();

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).not.toHaveURL(/status=/);

    // A group's current members: the group found by typing, named again after a reload.
    const [gang] = await db
      .insert(group)
      .values({ name: `Filtergänget ${uniqueTag()}`, area: district })
      .returning();
    await db
      .insert(groupMembership)
      .values({ groupId: gang!.id, individualId: active.id, affiliation: "core" });
    await page.getByLabel("Group (current members)").fill(gang!.name.toUpperCase());
    await page.getByRole("button", { name: `Choose ${gang!.name}` }).click();
    await expect(page).toHaveURL(new RegExp(`groupId=${gang!.id}`));
    await expect(page.getByRole("link", { name: listedName(active) })).toBeVisible();
    await expect(page.getByRole("link", { name: listedName(relocated) })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("button", { name: `Change ${gang!.name}` })).toBeVisible();
    await expect(page.getByRole("link", { name: listedName(active) })).toBeVisible();
    await expectAccessible();
  });

  test("[police staff] a stale edit in a second tab is refused, keeps the typed text and shows what changed", async ({
    page,
    seed,
    db,
    expectAccessible,
  }) => {
    const person = await seed.person({ district: "Husie" });
    await choosePurposeBeforehand(page, WEB);
    const edit = `${WEB}/individuals/${person.id}/edit`;
    await page.goto(edit);
    await expect(page.getByRole("heading", { name: "Edit the person's record" })).toBeVisible();
    await expectAccessible();

    // Someone saves a change in another tab first.
    const other = await page.context().newPage();
    await other.goto(edit);
    await other.getByLabel("District").fill("Möllevången");
    await other.getByRole("button", { name: "Save changes" }).click();
    await expect(other.getByRole("heading", { name: fullName(person) })).toBeVisible();
    await other.close();

    const typed = "Seen with the group's core members at the square, twice.";
    await page.getByLabel("Reason for registration").fill(typed);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("form-error")).toContainText(
      "Someone changed this person's record meanwhile",
    );
    await expect(page.getByTestId("changed-meanwhile")).toContainText("District: Möllevången");
    await expect(page.getByLabel("Reason for registration")).toHaveValue(typed);
    await expect(page.getByLabel("District")).toHaveValue("Möllevången");
    await expectAccessible();

    // Saving again applies the typed text on top of the other change.
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { name: fullName(person) })).toBeVisible();
    await expect(page.getByText(typed)).toBeVisible();
    const [row] = await db.select().from(individual).where(eq(individual.id, person.id));
    expect(row).toMatchObject({ district: "Möllevången", registrationReason: typed, version: 3 });
  });

  test("[police staff] changes a person's status from the profile, after confirming", async ({
    page,
    seed,
    db,
    expectAccessible,
  }) => {
    const person = await seed.person();
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/individuals/${person.id}`);
    await page.getByRole("button", { name: "Change status" }).click();
    const dialog = page.getByRole("dialog", { name: "Change the person's status" });
    await dialog.getByLabel("New status").selectOption({ label: "In exit process" });
    await expectAccessible();
    await dialog.getByRole("button", { name: "Change status" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("In exit process").first()).toBeVisible();
    const [row] = await db.select().from(individual).where(eq(individual.id, person.id));
    expect(row!.status).toBe("in_exit_process");
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police staff", viewport: { width: 390, height: 844 }, isMobile: true });

  test("[police staff] on a phone, the register's filters and the registration form fit the screen", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/individuals`);
    await expect(page.getByLabel("Status", { exact: true })).toBeVisible();
    expect(await page.evaluate(overflows), "the register fits the phone's width").toBe(false);
    await page.goto(`${WEB}/individuals/new`);
    await expect(page.getByLabel("Reason for registration")).toBeVisible();
    expect(await page.evaluate(overflows), "the form fits the phone's width").toBe(false);
    await expectAccessible();
  });
});

test.describe("in Swedish", () => {
  test.use({ role: "police staff" });

  test("[police staff] the registration form's messages in Swedish", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/individuals/new`);
    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "Svenska" }).click();
    await expect(page.getByRole("heading", { name: "Registrera en person" })).toBeVisible();
    await page.getByRole("button", { name: "Registrera", exact: true }).click();
    await expect(page.getByText("Ange personens förnamn, högst 100 tecken.")).toBeVisible();
    await expect(page.getByText("Välj den kategori personen registreras i.")).toBeVisible();
    await expectAccessible();
  });
});
