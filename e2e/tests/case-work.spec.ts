import { and, desc, eq } from "@truce/db";
import { accessLog } from "@truce/db/schema";
import { expect, test, WEB } from "./fixtures";
import { fullName, listedName } from "./support";

test.describe("as social services staff", () => {
  test.use({ role: "social staff" });

  test("[social staff] cannot open a police agency-only note", async ({
    page,
    seed,
    api,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    const body = `Seen with the group's leader, ${person.familyName}`;
    const police = await api.web("police staff");
    const note = await police.note.create({
      individualId: person.id,
      body,
      kind: "fact",
      visibility: "agency",
    });

    await page.goto(`${WEB}/notes/${note.id}`);
    // A note is case content: read only with the session's purpose, asked for first.
    await expect(page.getByRole("heading", { name: "What is this session for?" })).toBeVisible();
    await expectAccessible();
    await page.getByRole("button", { name: "Case work" }).click();
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "This note is kept within the agency that wrote it" }),
    ).toBeVisible();
    await expect(page.getByText(body)).toHaveCount(0);
    await expectAccessible();
  });
});

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] opens a profile for case work and adds an agency-only note", async ({
    page,
    seed,
    db,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    await page.goto(`${WEB}/individuals?q=${encodeURIComponent(person.familyName)}`);
    await page.getByRole("link", { name: listedName(person) }).click();
    await expect(page.getByRole("heading", { name: "What is this session for?" })).toBeVisible();
    await page.getByRole("button", { name: "Case work" }).click();
    await expect(page.getByRole("heading", { name: fullName(person) })).toBeVisible();
    await expect(page.getByTestId("purpose-menu")).toContainText("Case work");
    await expectAccessible();

    const text = `Seen near the square, ${person.familyName}`;
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByText("Write the note before saving it.")).toBeVisible();
    await page.getByLabel("New note").fill(text);
    await page.getByRole("button", { name: "Save note" }).click();
    // The new note is the newest item of the person's timeline, at its top.
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByTestId("timeline-item").first()).toContainText(text);
    await expect(timeline.getByTestId("timeline-item").first()).toHaveAttribute(
      "data-kind",
      "note",
    );
    await expectAccessible();

    const [logged] = await db
      .select({ purpose: accessLog.purpose })
      .from(accessLog)
      .where(
        and(
          eq(accessLog.entityType, "individual"),
          eq(accessLog.entityId, person.id),
          eq(accessLog.action, "read"),
        ),
      )
      .orderBy(desc(accessLog.id))
      .limit(1);
    expect(logged?.purpose).toBe("case_work");
  });
});
