import { expect, test } from "@playwright/test";
import { ADMIN, expectSignInError, query, signInWithForm } from "./support";

test("[platform admin] signs in to the admin app and sees every agency", async ({ page }) => {
  await signInWithForm(page, ADMIN, "platform.admin@truce.example");
  await expect(page).toHaveURL(/\/agencies/);
  const agencies = await query<{ name: string }>(`select name from agency order by name`);
  const table = page.getByRole("table", { name: "Agencies" });
  await expect(table.getByRole("row")).toHaveCount(agencies.length + 1);
  for (const { name } of agencies) await expect(table).toContainText(name);
});

test("[agency admin] sees only their own agency", async ({ page }) => {
  await signInWithForm(page, ADMIN, "agency.admin@truce.example");
  await expect(page).toHaveURL(/\/agencies/);
  const table = page.getByRole("table", { name: "Agencies" });
  await expect(table.getByRole("row")).toHaveCount(2);
});

test("[police staff] is refused by the admin app", async ({ page }) => {
  await signInWithForm(page, ADMIN, "police.staff@truce.example");
  await expectSignInError(page, "This account has no access to this app.");
  await page.goto(`${ADMIN}/agencies`);
  await expect(page).toHaveURL(/\/sign-in/);
});
