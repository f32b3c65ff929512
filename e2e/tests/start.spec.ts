/**
 * The start page: the people the user worked on lately (from their own access-log rows),
 * the escalating conflicts and the latest incidents linking through, the referral inbox's
 * place, and an outcome recorded on a profile moving the person's status and showing in the
 * timeline. In English and Swedish, and on a phone 375 px wide.
 */
import { eq } from "@truce/db";
import { individual, outcome } from "@truce/db/schema";
import { expect, signInThroughApi, test, WEB } from "./fixtures";
import { choosePurposeBeforehand, fullName } from "./support";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] opens a person, finds them on the start page, and follows its links", async ({
    page,
    seed,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/individuals/${person.id}`);
    await expect(page.getByRole("heading", { name: fullName(person), level: 1 })).toBeVisible();

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Overview" })
      .click();
    await expect(page).toHaveURL(`${WEB}/`);
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    const people = page.getByTestId("start-people");
    await expect(people.getByRole("link", { name: fullName(person) })).toBeVisible();
    await expect(
      page.getByTestId("referral-inbox-panel").getByRole("link", { name: "Open the referrals" }),
    ).toHaveAttribute("href", "/referrals");
    await expectAccessible();

    const conflict = page
      .getByTestId("start-conflicts")
      .getByRole("listitem")
      .first()
      .getByRole("link");
    const title = (await conflict.textContent())!;
    await conflict.click();
    await expect(page).toHaveURL(/\/conflicts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

    await page.goto(`${WEB}/`);
    await page
      .getByTestId("start-incidents")
      .getByRole("listitem")
      .first()
      .getByRole("link")
      .click();
    await expect(page).toHaveURL(/\/incidents\/[0-9a-f-]{36}$/);

    await page.goto(`${WEB}/`);
    await people.getByRole("link", { name: fullName(person) }).click();
    await expect(page).toHaveURL(`${WEB}/individuals/${person.id}`);
  });

  test("[police staff] records an outcome: the status follows and the timeline shows it", async ({
    page,
    seed,
    db,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/individuals/${person.id}`);
    await page.getByRole("button", { name: "Record an outcome" }).click();
    const dialog = page.getByRole("dialog", { name: "Record an outcome" });
    await expect(dialog.getByLabel("Day it happened")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByRole("button", { name: "Record outcome" }).click();
    await expect(dialog.getByText("Choose what happened.")).toBeVisible();
    await dialog.getByLabel("What happened").selectOption({ label: "Employed" });
    await expect(dialog.getByTestId("outcome-status-effect")).toHaveText(
      "The person's status stays Active.",
    );
    await dialog.getByLabel("What happened").selectOption({ label: "Relocated" });
    await expect(dialog.getByTestId("outcome-status-effect")).toHaveText(
      "Saving also changes the person's status from Active to Relocated.",
    );
    await dialog.getByLabel("Day it happened").fill("2026-03-02");
    await dialog.getByLabel("Note (optional)").fill("Moved with the family's help.");
    await expectAccessible();
    await dialog.getByRole("button", { name: "Record outcome" }).click();
    await expect(dialog).toBeHidden();

    const status = page
      .locator("dt", { hasText: /^Status$/ })
      .locator("xpath=following-sibling::dd");
    await expect(status).toHaveText("Relocated");
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByText("Moved with the family's help.")).toBeVisible();
    await expect(timeline.getByText("Relocated", { exact: true })).toBeVisible();

    const [row] = await db.select().from(individual).where(eq(individual.id, person.id));
    expect(row).toMatchObject({ status: "relocated", version: 2 });
    const written = await db.select().from(outcome).where(eq(outcome.individualId, person.id));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ kind: "relocated", occurredAt: "2026-03-02" });
    await expectAccessible();
  });
});

test.describe("a user who worked on no one yet", () => {
  test("[staff] sees the empty parts of the start page in Swedish", async ({
    page,
    seed,
    expectAccessible,
  }) => {
    const own = await seed.user({ memberships: [["police", "staff"]] });
    await signInThroughApi(page.request, "web", own);
    await page.goto(`${WEB}/`);
    await expect(page.getByText("You have not opened anyone's profile yet.")).toBeVisible();
    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "Svenska" }).click();
    await expect(page.getByRole("heading", { name: "Översikt", level: 1 })).toBeVisible();
    await expect(page.getByText("Du har inte öppnat någons profil än.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Eskalerande konflikter" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Senaste händelserna" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Öppna registret" })).toBeVisible();
    await expectAccessible();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police staff", viewport: { width: 375, height: 812 }, isMobile: true });

  test("[police staff] on a phone, the start page and the outcome dialog fit the screen", async ({
    page,
    seed,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/`);
    await expect(page.getByTestId("start-incidents")).toBeVisible();
    expect(await page.evaluate(overflows), "the start page fits the phone's width").toBe(false);
    await expectAccessible();
    const person = await seed.person({ registeredBy: "police" });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/individuals/${person.id}`);
    await page.getByRole("button", { name: "Record an outcome" }).click();
    await expect(page.getByRole("dialog").getByLabel("What happened")).toBeVisible();
    expect(await page.evaluate(overflows), "the dialog fits the phone's width").toBe(false);
    await expectAccessible();
  });
});
