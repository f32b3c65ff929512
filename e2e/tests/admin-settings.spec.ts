/**
 * The programme's settings as a platform admin sets them in the admin app: the programme's
 * start and the review period saved and still there after a reload, a change someone else
 * saved meanwhile, two-factor sign-in turned on and, once confirmed, off again; the form's
 * messages in English and Swedish, on a phone; and an agency admin, who is refused.
 *
 * The settings are the whole programme's (the reports mark its start, every sign-in reads
 * the two-factor rules), so the one test that saves them is tagged @programme-settings: the
 * "programme settings" project runs it before every other spec (playwright.config.ts), and
 * it puts the demo's values back, however it ends.
 */
import { and, desc, eq } from "@truce/db";
import { accessLog, platformSetting } from "@truce/db/schema";
import { DEMO_PROGRAMME_STARTED_ON } from "@truce/db/seed";
import { ADMIN, expect, test } from "./fixtures";

/** The demo's settings, as the other specs expect them. */
const DEMO_SETTINGS = {
  mfaRequiredForAdmins: false,
  mfaRequiredForEveryone: false,
  reviewPeriodMonths: 12,
  programmeStartedOn: DEMO_PROGRAMME_STARTED_ON,
};

test.describe("as a platform admin", () => {
  test.use({ role: "platform admin" });

  test(
    "[platform admin] sets the programme's start and review period, meets a change saved meanwhile, and turns two-factor sign-in on and, confirmed, off",
    { tag: "@programme-settings" },
    async ({ page, pageAs, db, expectAccessible }) => {
      try {
        await page.goto(`${ADMIN}/agencies`);
        await page.getByRole("link", { name: "Programme settings" }).click();
        await expect(page).toHaveURL(/\/settings$/);
        await expect(page.getByRole("heading", { name: "Programme settings" })).toBeVisible();
        const start = page.getByLabel("Programme start");
        const period = page.getByLabel("Review period in months");
        await expect(start).toHaveValue(DEMO_PROGRAMME_STARTED_ON);
        await expect(period).toHaveValue("12");
        await expectAccessible();

        // Changed with the keyboard alone, and saved with Enter.
        await start.fill("2019-03-01");
        await period.fill("18");
        await period.press("Enter");
        await expect(page.getByText("The settings were saved.")).toBeVisible();
        await page.reload();
        await expect(start).toHaveValue("2019-03-01");
        await expect(period).toHaveValue("18");
        await expect(page.getByText(/^Last changed by /)).toBeVisible();

        // Someone else saves from another tab; this one's save from the old version is refused,
        // keeps what was typed, and says what changed.
        const other = await pageAs("platform admin");
        await other.goto(`${ADMIN}/settings`);
        await other.getByLabel("Review period in months").fill("20");
        await other.getByRole("button", { name: "Save settings" }).click();
        await expect(other.getByText("The settings were saved.")).toBeVisible();
        await start.fill("2019-04-01");
        await page.getByRole("button", { name: "Save settings" }).click();
        await expect(page.getByTestId("form-error")).toHaveText(
          "Someone changed the settings meanwhile. What you chose is kept: look at what changed, then save again.",
        );
        await expect(page.getByTestId("changed-meanwhile")).toContainText(
          "Review period in months: 20",
        );
        await expect(start).toHaveValue("2019-04-01");
        await page.getByRole("button", { name: "Save settings" }).click();
        await expect(page.getByText("The settings were saved.")).toBeVisible();
        const [saved] = await db.select().from(platformSetting);
        expect(saved).toMatchObject({ programmeStartedOn: "2019-04-01", reviewPeriodMonths: 20 });

        // Turning a requirement on asks nothing; turning it off asks first.
        const admins = page.getByLabel("Required for admins and auditors");
        const adminsRequired = async () =>
          (await db.select().from(platformSetting))[0]!.mfaRequiredForAdmins;
        await admins.check();
        await page.getByRole("button", { name: "Save settings" }).click();
        await expect.poll(adminsRequired).toBe(true);
        await expect(page.getByText("The settings were saved.")).toBeVisible();
        await admins.uncheck();
        await page.getByRole("button", { name: "Save settings" }).click();
        const confirm = page.getByRole("alertdialog", { name: "Turn two-factor sign-in off?" });
        await expect(confirm).toContainText("Required for admins and auditors");
        await expectAccessible();
        await page.keyboard.press("Escape");
        await expect(confirm).toBeHidden();
        expect(await adminsRequired()).toBe(true);
        await page.getByRole("button", { name: "Save settings" }).click();
        await confirm.getByRole("button", { name: "Turn off and save" }).click();
        await expect(page.getByText("The settings were saved.")).toBeVisible();
        expect(await adminsRequired()).toBe(false);
        const [logged] = await db
          .select()
          .from(accessLog)
          .where(and(eq(accessLog.entityType, "platform_setting"), eq(accessLog.action, "update")))
          .orderBy(desc(accessLog.id))
          .limit(1);
        expect(logged).toMatchObject({
          fields: ["mfaRequiredForAdmins"],
          detail: { twoFactorRelaxed: ["mfaRequiredForAdmins"] },
        });
      } finally {
        await db.update(platformSetting).set(DEMO_SETTINGS).where(eq(platformSetting.id, 1));
      }
    },
  );

  test("[platform admin] is told what is wrong with a review period out of range, and nothing is saved", async ({
    page,
    db,
    expectAccessible,
  }) => {
    const [before] = await db.select().from(platformSetting);
    await page.goto(`${ADMIN}/settings`);
    const period = page.getByLabel("Review period in months");
    await expect(period).toHaveValue(String(before!.reviewPeriodMonths));
    await period.fill("40");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(
      page.getByText("Give the review period as a whole number of months from 1 to 36."),
    ).toBeVisible();
    await expect(period).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("The settings were saved.")).toHaveCount(0);
    await expectAccessible();
    const [after] = await db.select().from(platformSetting);
    expect(after!.version).toBe(before!.version);
  });

  test("[platform admin] the settings and their messages in Swedish", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${ADMIN}/settings`);
    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "Svenska" }).click();
    await expect(page.getByRole("heading", { name: "Programinställningar" })).toBeVisible();
    await page.getByLabel("Omprövningstid i månader").fill("0");
    await page.getByRole("button", { name: "Spara inställningarna" }).click();
    await expect(
      page.getByText("Ange omprövningstiden som ett helt antal månader från 1 till 36."),
    ).toBeVisible();
    await expectAccessible();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "platform admin", viewport: { width: 390, height: 844 }, isMobile: true });

  test("[platform admin] on a phone, the settings form fits the screen", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${ADMIN}/settings`);
    await expect(page.getByLabel("Programme start")).toBeVisible();
    await expect(page.getByLabel("Required for everyone")).toBeVisible();
    const save = page.getByRole("button", { name: "Save settings" });
    await save.scrollIntoViewIfNeeded();
    await expect(save).toBeInViewport();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible();
  });
});

test.describe("as an agency admin", () => {
  test.use({ role: "agency admin" });

  test("[agency admin] finds no settings in the menu, is told they are not theirs, and is refused by the API", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${ADMIN}/agencies`);
    await expect(page.getByRole("link", { name: "Users" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Programme settings" })).toHaveCount(0);
    await page.goto(`${ADMIN}/settings`);
    await expect(
      page.getByRole("heading", { name: "These settings are for platform admins" }),
    ).toBeVisible();
    await expect(page.getByLabel("Programme start")).toHaveCount(0);
    await expectAccessible();
    // The procedures decide, whatever the page shows: as the page's own fetch would ask.
    const sameOrigin = { "sec-fetch-site": "same-origin", origin: ADMIN };
    const read = await page.request.get(`${ADMIN}/api/trpc/platformSetting.get`, {
      headers: sameOrigin,
    });
    expect(read.status()).toBe(403);
    const write = await page.request.post(`${ADMIN}/api/trpc/platformSetting.update`, {
      headers: { ...sameOrigin, "content-type": "application/json" },
      data: { json: { ...DEMO_SETTINGS, reviewPeriodMonths: 3, version: 1 } },
    });
    expect(write.status()).toBe(403);
  });
});
