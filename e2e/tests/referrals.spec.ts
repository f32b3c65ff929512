/**
 * Referrals as staff use them: the sent box and the status filter in the address; a decline
 * asks for its reason beside the field. In English and Swedish, and on a phone 375 px wide.
 * (Referring a person from the profile and accepting it from the inbox is the walk in
 * interventions.spec.ts, from the call-in on.)
 */
import { eq } from "@truce/db";
import { referral, referralEvent } from "@truce/db/schema";
import { demoAgencyId } from "@truce/db/testing";
import { expect, test, WEB } from "./fixtures";
import { choosePurposeBeforehand } from "./support";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] the sent referrals, with the status filter in the address", async ({
    page,
    seed,
    db,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    await db.insert(referral).values({
      individualId: person.id,
      fromAgencyId: await demoAgencyId(db, "police"),
      toAgencyId: await demoAgencyId(db, "social_services"),
      service: "family_support",
      status: "declined",
    });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/referrals`);
    const boxes = page.getByRole("group", { name: "Which referrals", exact: true });
    const statuses = page.getByRole("group", { name: "Status", exact: true });
    await boxes.getByRole("button", { name: "Sent", exact: true }).click();
    await expect(page).toHaveURL(/box=sent/);
    const row = page.getByRole("row", { name: new RegExp(person.familyName) });
    await expect(row).toHaveCount(0);
    await statuses.getByRole("button", { name: "Declined", exact: true }).click();
    await expect(page).toHaveURL(/status=declined/);
    await expect(row).toContainText("Declined");
    await page.reload();
    await expect(statuses.getByRole("button", { name: "Declined", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(row).toContainText("Malmvik Police → Malmvik Social Services");
    await expectAccessible();
  });
});

test.describe("as the exit programme's manager", () => {
  test.use({ role: "exit manager" });

  test("[exit manager] a decline without a reason is asked for it beside the field, then declines; in Swedish too", async ({
    page,
    seed,
    db,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    const [sent] = await db
      .insert(referral)
      .values({
        individualId: person.id,
        fromAgencyId: await demoAgencyId(db, "police"),
        toAgencyId: await demoAgencyId(db, "exit_programme"),
        service: "exit_programme",
      })
      .returning({ id: referral.id });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/referrals`);
    const row = page.getByRole("row", { name: new RegExp(person.familyName) });
    await row.getByRole("button", { name: "Decline" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Decline" }).click();
    await expect(dialog.getByText("Say why the referral is declined.")).toBeVisible();
    await expect(dialog.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible();
    await dialog.getByLabel("Reason").fill("No place this term.");
    await dialog.getByRole("button", { name: "Decline" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toHaveCount(0);
    const [step] = await db
      .select()
      .from(referralEvent)
      .where(eq(referralEvent.referralId, sent!.id));
    expect(step).toMatchObject({ status: "declined", reason: "No place this term." });

    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "Svenska" }).click();
    await expect(page.getByRole("heading", { name: "Remisser", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Mottagna" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expectAccessible();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police staff", viewport: { width: 375, height: 812 }, isMobile: true });

  test("[police staff] on a phone, the referrals and the refer dialog fit the screen", async ({
    page,
    seed,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/referrals?box=sent`);
    await expect(page.getByRole("heading", { name: "Referrals", level: 1 })).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();
    expect(await page.evaluate(overflows), "the referrals fit the phone's width").toBe(false);
    await expectAccessible();
    await page.goto(`${WEB}/individuals/${person.id}`);
    await page.getByRole("button", { name: "Refer", exact: true }).click();
    await expect(page.getByRole("dialog").getByLabel("To agency")).toBeVisible();
    expect(await page.evaluate(overflows), "the dialog fits the phone's width").toBe(false);
    await expectAccessible();
  });
});
