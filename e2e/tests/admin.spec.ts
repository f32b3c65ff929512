import { eq } from "@truce/db";
import { agency } from "@truce/db/schema";
import { uniqueTag } from "@truce/db/testing";
import { ADMIN, expect, test } from "./fixtures";
import { expectSignInError, signInWithForm } from "./support";

test.describe("as a platform admin", () => {
  test.use({ role: "platform admin" });

  test("[platform admin] sees every agency, one they just added too", async ({
    page,
    api,
    db,
    expectAccessible,
  }) => {
    const added = await (
      await api.admin("platform admin")
    ).agency.create({
      name: `Test agency ${uniqueTag()}`,
      kind: "school",
    });
    const agencies = await db.select({ name: agency.name }).from(agency);
    await page.goto(`${ADMIN}/agencies`);
    const table = page.getByRole("table", { name: "Agencies" });
    await expect(table).toContainText(added.name);
    for (const { name } of agencies) await expect(table).toContainText(name);
    await expectAccessible();
  });
});

test.describe("as an agency admin", () => {
  test.use({ role: "agency admin" });

  test("[agency admin] sees only their own agency", async ({ page, db, expectAccessible }) => {
    const [police] = await db
      .select({ name: agency.name })
      .from(agency)
      .where(eq(agency.kind, "police"));
    await page.goto(`${ADMIN}/agencies`);
    const table = page.getByRole("table", { name: "Agencies" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("row").nth(1)).toContainText(police!.name);
    await expectAccessible();
  });
});

test("[police staff] is refused by the admin app", async ({ page, seed }) => {
  const own = await seed.user({ memberships: [["police", "staff"]] });
  await signInWithForm(page, ADMIN, own.email);
  await expectSignInError(page, "This account has no access to this app.");
  await page.goto(`${ADMIN}/agencies`);
  await expect(page).toHaveURL(/\/sign-in/);
});
