import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { ADMIN, expectSignInError, query, signInWithForm, WEB } from "./support";

test("[auditor] reads the access log and finds a sign-in", async ({ page }) => {
  await signInWithForm(page, ADMIN, "auditor@truce.example");
  await expect(page).toHaveURL(/\/agencies/);
  await page.getByRole("link", { name: "Access log" }).click();
  await expect(page).toHaveURL(/\/access-log/);
  const table = page.getByRole("table", { name: "Access log" });
  await expect(
    table.getByRole("row", { name: /auditor@truce\.example.*Signed in/ }).first(),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
});

test("[agency admin] disables a member of their agency, who can then no longer sign in", async ({
  page,
}) => {
  const email = `leaver.${Date.now()}@truce.example`;
  await query(
    `with u as (insert into "user" (email, name, password_hash) values ('${email}', 'Leaving Officer', '${DEMO_PASSWORD_HASH}') returning id)
     insert into membership (user_id, agency_id, role) select u.id, a.id, 'staff' from u, agency a where a.kind = 'police'`,
  );
  await signInWithForm(page, ADMIN, "agency.admin@truce.example");
  await page.getByRole("link", { name: "Users" }).click();
  await page.getByLabel("Search by name or e-mail").fill(email);
  const row = page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("Disabled");

  await page.context().clearCookies();
  await signInWithForm(page, WEB, email);
  await expectSignInError(page, /not right/);
});
