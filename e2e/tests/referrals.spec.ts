/**
 * Referrals as staff use them: a police officer refers a person to the exit programme with
 * their consent from the profile; the exit programme's manager finds it in the inbox and
 * accepts it; both then see the step in the person's timeline. A decline asks for its reason
 * beside the field. In English and Swedish, and on a phone 375 px wide.
 */
import { and, desc, eq } from "@truce/db";
import { referral, referralEvent } from "@truce/db/schema";
import { demoAgencyId } from "@truce/db/testing";
import { expect, test, WEB } from "./fixtures";
import { choosePurposeBeforehand, fullName } from "./support";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] refers a person to the exit programme with consent; [exit manager] accepts it from the inbox; both see the step in the timeline", async ({
    page,
    pageAs,
    seed,
    db,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/individuals/${person.id}`);
    await expect(page.getByRole("heading", { name: fullName(person), level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Refer", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: `Refer ${fullName(person)}` })).toBeVisible();
    await expect(dialog.getByLabel("To agency")).toContainText("Malmvik Exit Programme");
    await dialog.getByLabel("To agency").selectOption({ label: "Malmvik Exit Programme" });
    await dialog.getByLabel("Service").selectOption({ label: "Exit programme" });
    await dialog.getByRole("radio", { name: "Yes" }).check();
    await dialog.getByLabel("Note for the receiving agency").fill("Wants out; meet at the school.");
    await expectAccessible();
    await dialog.getByRole("button", { name: "Send the referral" }).click();
    await expect(dialog).toHaveCount(0);

    const [sent] = await db
      .select()
      .from(referral)
      .where(eq(referral.individualId, person.id))
      .orderBy(desc(referral.createdAt));
    expect(sent).toMatchObject({
      fromAgencyId: await demoAgencyId(db, "police"),
      toAgencyId: await demoAgencyId(db, "exit_programme"),
      service: "exit_programme",
      status: "sent",
      consent: true,
      note: "Wants out; meet at the school.",
    });
    expect(sent!.consentOn).not.toBeNull();
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByText("Wants out; meet at the school.")).toBeVisible();

    // The exit programme finds it in its inbox and accepts it.
    const exit = await pageAs("exit manager");
    await choosePurposeBeforehand(exit, WEB);
    // The start page's inbox lists it (the newest first) and links to the person.
    await exit.goto(`${WEB}/`);
    const inbox = exit.getByTestId("referral-inbox-panel");
    await expect(inbox.getByRole("link", { name: fullName(person) })).toBeVisible();
    await expect(inbox.getByRole("listitem").filter({ hasText: fullName(person) })).toContainText(
      "Exit programme, from Malmvik Police",
    );
    await exit.goto(`${WEB}/referrals`);
    await expect(exit.getByRole("heading", { name: "Referrals", level: 1 })).toBeVisible();
    const row = exit.getByRole("row", { name: new RegExp(person.familyName) });
    await expect(row).toContainText("Malmvik Police → Malmvik Exit Programme");
    await expect(row).toContainText("Sent");
    await expectAccessible({ page: exit });
    await row.getByRole("button", { name: "Accept" }).click();
    await expect(row).toContainText("Accepted");
    await expect(row.getByRole("button", { name: "Mark in progress" })).toBeVisible();
    const [step] = await db
      .select()
      .from(referralEvent)
      .where(and(eq(referralEvent.referralId, sent!.id), eq(referralEvent.status, "accepted")));
    expect(step).toMatchObject({ changedByAgencyId: await demoAgencyId(db, "exit_programme") });

    // Both see the step in the person's timeline.
    for (const viewer of [exit, page]) {
      await viewer.goto(`${WEB}/individuals/${person.id}`);
      const steps = viewer
        .getByRole("list", { name: "Timeline" })
        .getByRole("listitem")
        .filter({ hasText: "Referral step" });
      await expect(steps).toHaveCount(1);
      await expect(steps).toContainText("Accepted");
      await expect(steps).toContainText("Malmvik Exit Programme");
    }
    await expectAccessible();
  });

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
