/**
 * Interventions as staff record them: a call-in with two people found with the person picker,
 * their responses, the agencies present and a speaker, saved together and shown on the
 * intervention's page and in both persons' timelines; another agency sees that it took
 * place, not what was said; the second person is then referred to the exit programme with
 * consent, the exit programme's staff accept it from their inbox, and both see the step in
 * the person's timeline (the issue's walk, in one test). An intervention opened from a conflict
 * names it, and its conflict and group are found by typing. A one-to-one conversation's form
 * says what is missing beside the field. In English and Swedish, and on a phone.
 */
import { and, desc, eq } from "@truce/db";
import { intervention, interventionParticipant, referral, referralEvent } from "@truce/db/schema";
import { demoAgencyId, uniqueTag } from "@truce/db/testing";
import type { Locator, Page } from "@playwright/test";
import { expect, test, WEB } from "./fixtures";
import { choosePurposeBeforehand, fullName } from "./support";

/** Whether the page scrolls sideways: on a phone everything should fit its width. */
const overflows = () => document.documentElement.scrollWidth > document.documentElement.clientWidth;

/**
 * Chooses the kind until the form shows that kind's field: a choice made before the page has
 * hydrated is lost when React takes the server's select over.
 */
async function chooseKind(page: Page, kind: string, shows: Locator) {
  await expect(async () => {
    await page.getByLabel(/^(Kind|Slag)$/).selectOption({ label: kind });
    await expect(shows).toBeVisible({ timeout: 1_000 });
  }).toPass();
}

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] records a call-in with two people and their responses (another agency sees that it took place, not the summary) and refers one of them to the exit programme with consent; [exit staff] accept it from their inbox; both see the step in the timeline", async ({
    page,
    pageAs,
    seed,
    db,
    expectAccessible,
  }) => {
    // The whole walk of the issue, from the call-in to the accepted referral, in one test.
    test.setTimeout(120_000);
    const [first, second] = [await seed.person(), await seed.person()];
    const summary = `Held at the town hall ${uniqueTag()}: both listened.`;
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/individuals/${first.id}`);
    await page.getByRole("link", { name: "Record an intervention" }).click();
    await expect(page.getByRole("heading", { name: "Record an intervention" })).toBeVisible();
    // Opened from the person's page: they are named already.
    await expect(page.getByTestId("intervention-participant")).toHaveCount(1);

    await page.getByLabel("Kind").selectOption({ label: "Call-in" });
    await page.getByLabel("Date and time").fill("2026-03-20T18:00");
    await page.getByLabel("Summary").fill(summary);
    await page.getByLabel("The message given").fill("The shooting stops now.");
    await page.getByLabel("Add a person").fill(second.familyName);
    await page.getByRole("button", { name: `Choose ${fullName(second)}` }).click();
    await expect(page.getByTestId("intervention-participant")).toHaveCount(2);
    await page.getByLabel(`Response of ${fullName(first)}`).selectOption({ label: "Attended" });
    await page
      .getByLabel(`Response of ${fullName(second)}`)
      .selectOption({ label: "Accepted support" });
    await page.getByRole("checkbox", { name: "Malmvik Social Services" }).check();
    await page.getByRole("button", { name: "Add a speaker" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Anna Berg");
    await page.getByLabel("What they stand for").fill("Chief of police");
    await expectAccessible();
    await page.getByRole("button", { name: "Save the intervention" }).click();

    await expect(page.getByRole("heading", { name: "Call-in" })).toBeVisible();
    await expect(page).toHaveURL(/\/interventions\/[0-9a-f-]{36}$/);
    const interventionId = page.url().split("/").pop()!;
    await expect(page.getByText(summary)).toBeVisible();
    await expect(page.getByRole("link", { name: fullName(first) })).toBeVisible();
    await expect(page.getByRole("link", { name: fullName(second) })).toBeVisible();
    await expect(page.getByText("Accepted support")).toBeVisible();
    await expect(page.getByText("Anna Berg")).toBeVisible();
    await expectAccessible();
    const people = await db
      .select({ response: interventionParticipant.response })
      .from(interventionParticipant)
      .where(eq(interventionParticipant.interventionId, interventionId));
    expect(people.map((p) => p.response).sort()).toEqual(["accepted_support", "attended"]);

    // In both persons' timelines, opening the intervention.
    for (const [who, response] of [
      [first, "Attended"],
      [second, "Accepted support"],
    ] as const) {
      await page.goto(`${WEB}/individuals/${who.id}`);
      const item = page.getByRole("listitem").filter({ hasText: summary });
      await expect(item).toBeVisible();
      await expect(item.getByText(response)).toBeVisible();
    }
    await page.getByRole("link", { name: "Open the intervention" }).first().click();
    await expect(page.getByRole("heading", { name: "Call-in" })).toBeVisible();

    // Social services see that it took place, and who came, not what was said.
    const social = await pageAs("social staff");
    await choosePurposeBeforehand(social, WEB);
    await social.goto(`${WEB}/interventions/${interventionId}`);
    await expect(social.getByRole("heading", { name: "Call-in" })).toBeVisible();
    await expect(social.getByTestId("details-kept")).toHaveText(
      "The details are kept within Malmvik Police.",
    );
    await expect(social.getByRole("link", { name: fullName(first) })).toBeVisible();
    await expect(social.getByText(summary)).toHaveCount(0);
    await expect(social.getByText("Anna Berg")).toHaveCount(0);
    await expect(social.getByRole("button", { name: "Change or record responses" })).toHaveCount(0);
    await expectAccessible({ page: social });

    // The second, who accepted support at the call-in, is referred to the exit programme.
    await page.goto(`${WEB}/individuals/${second.id}`);
    await expect(page.getByRole("heading", { name: fullName(second), level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Refer", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: `Refer ${fullName(second)}` })).toBeVisible();
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
      .where(eq(referral.individualId, second.id))
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
    await expect(
      page.getByRole("list", { name: "Timeline" }).getByText("Wants out; meet at the school."),
    ).toBeVisible();

    // The exit programme finds it on its start page's inbox and accepts it from /referrals.
    const exit = await pageAs("exit staff");
    await choosePurposeBeforehand(exit, WEB);
    await exit.goto(`${WEB}/`);
    const inbox = exit.getByTestId("referral-inbox-panel");
    await expect(inbox.getByRole("link", { name: fullName(second) })).toBeVisible();
    await expect(inbox.getByRole("listitem").filter({ hasText: fullName(second) })).toContainText(
      "Exit programme, from Malmvik Police",
    );
    await exit.goto(`${WEB}/referrals`);
    await expect(exit.getByRole("heading", { name: "Referrals", level: 1 })).toBeVisible();
    const row = exit.getByRole("row", { name: new RegExp(second.familyName) });
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

    // Both see the step in the person's timeline, beside the call-in.
    for (const viewer of [exit, page]) {
      await viewer.goto(`${WEB}/individuals/${second.id}`);
      const timeline = viewer.getByRole("list", { name: "Timeline" });
      const steps = timeline.getByRole("listitem").filter({ hasText: "Referral step" });
      await expect(steps).toHaveCount(1);
      await expect(steps).toContainText("Accepted");
      await expect(steps).toContainText("Malmvik Exit Programme");
      if (viewer === page)
        await expect(timeline.getByRole("listitem").filter({ hasText: summary })).toBeVisible();
    }
    await expectAccessible();
  });

  test("[police staff] an intervention opened from a conflict names it, and it can be changed to another found by title", async ({
    page,
    api,
    db,
  }) => {
    const tag = uniqueTag();
    const police = await api.web("police staff");
    const [a, b] = await Promise.all(
      ["Norr", "Söder"].map((side) =>
        police.group.create({ name: `${side}gänget ${tag}`, area: side }),
      ),
    );
    const conflictOf = (title: string) =>
      police.conflict.create({
        title,
        status: "active",
        riskLevel: "medium",
        parties: [
          { kind: "group", id: a!.id, side: "A" },
          { kind: "group", id: b!.id, side: "B" },
        ],
      });
    const first = await conflictOf(`Hamnfejden ${tag}`);
    const second = await conflictOf(`Torgfejden ${tag}`);
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/interventions/new?conflictId=${first.id}`);
    // Named by its lookup once the page has hydrated and asked.
    const named = page.getByRole("button", { name: `Change Hamnfejden ${tag}` });
    await expect(named).toBeVisible();
    await page.getByLabel("Kind").selectOption({ label: "Mediation" });
    await named.click();
    await expect(page.getByLabel("Conflict")).toBeFocused();
    await page.getByLabel("Conflict").fill(`torgfejden ${tag}`);
    await page.getByRole("button", { name: `Choose Torgfejden ${tag}` }).click();
    await page.getByLabel("Group", { exact: true }).fill(`Norrgänget ${tag}`);
    await page.getByRole("button", { name: `Choose Norrgänget ${tag}` }).click();
    await page.getByLabel("Summary").fill("Both sides met at the community centre.");
    await page.getByRole("button", { name: "Save the intervention" }).click();
    await expect(page.getByRole("heading", { name: "Mediation" })).toBeVisible();
    const [row] = await db
      .select({ conflictId: intervention.conflictId, groupId: intervention.groupId })
      .from(intervention)
      .where(eq(intervention.conflictId, second.id));
    expect(row).toEqual({ conflictId: second.id, groupId: a!.id });
  });

  test("[police staff] marks a planned call-in done and records a response", async ({
    page,
    seed,
    db,
  }) => {
    const person = await seed.person();
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/interventions/new?individualId=${person.id}`);
    await chooseKind(page, "Call-in", page.getByRole("button", { name: "Add a speaker" }));
    await page.getByLabel("Status").selectOption({ label: "Planned" });
    await page.getByRole("button", { name: "Save the intervention" }).click();
    await expect(page.getByRole("heading", { name: "Call-in" })).toBeVisible();
    await expect(page.getByText("No response yet")).toBeVisible();

    await page.getByRole("button", { name: "Change or record responses" }).click();
    const dialog = page.getByRole("dialog", { name: "Change the intervention" });
    await dialog.getByLabel("Status").selectOption({ label: "Done" });
    await dialog
      .getByLabel(`Response of ${fullName(person)}`)
      .selectOption({ label: "Did not come" });
    await dialog.getByRole("button", { name: "Save the changes" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Did not come")).toBeVisible();
    const [row] = await db
      .select({ response: interventionParticipant.response })
      .from(interventionParticipant)
      .where(eq(interventionParticipant.individualId, person.id));
    expect(row!.response).toBe("no_show");
  });

  test("[police staff] a one-to-one conversation's form says beside the field what is missing", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/interventions/new`);
    await chooseKind(
      page,
      "One-to-one conversation",
      page.getByLabel("Where the conversation took place"),
    );
    await page.getByRole("button", { name: "Save the intervention" }).click();
    const channel = page.getByLabel("Where the conversation took place");
    await expect(channel).toHaveAttribute("aria-invalid", "true");
    const described = await channel.getAttribute("aria-describedby");
    const messageId = described!.split(" ").find((id) => id.includes("message"))!;
    await expect(page.locator(`[id="${messageId}"]`)).toHaveText(
      "Choose where the conversation took place.",
    );
    await expect(page.getByTestId("participants-error")).toHaveText(
      "Name the person (or the people invited) it was with.",
    );
    await expectAccessible();
  });
});

test.describe("in Swedish", () => {
  test.use({ role: "police staff" });

  test("[police staff] the intervention form's messages in Swedish", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/interventions/new`);
    await page.getByRole("button", { name: /Language/ }).click();
    await page.getByRole("menuitemradio", { name: "Svenska" }).click();
    await expect(page.getByRole("heading", { name: "Registrera en insats" })).toBeVisible();
    await chooseKind(page, "Enskilt samtal", page.getByLabel("Var samtalet ägde rum"));
    await page.getByRole("button", { name: "Spara insatsen" }).click();
    await expect(page.getByText("Välj var samtalet ägde rum.")).toBeVisible();
    await expectAccessible();
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police staff", viewport: { width: 375, height: 812 }, isMobile: true });

  test("[police staff] on a phone, the call-in form fits the screen", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${WEB}/interventions/new`);
    await chooseKind(page, "Call-in", page.getByRole("button", { name: "Add a speaker" }));
    await page.getByRole("button", { name: "Add a speaker" }).click();
    await expect(page.getByLabel("What they stand for")).toBeVisible();
    expect(await page.evaluate(overflows), "the form fits the phone's width").toBe(false);
    await expectAccessible();
  });
});
