import { expect, test, type Page } from "@playwright/test";
import { ADMIN, createTestUser, expectSignInError, query, signInWithForm, WEB } from "./support";

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

/** The users page, searched down to one user's row. */
async function userRow(page: Page, email: string) {
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/users/);
  await page.getByLabel("Search by name or e-mail").fill(email);
  const row = page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await expect(row).toBeVisible();
  return row;
}

const POLICE = "Malmvik Police";

test("[agency admin] disables a member's membership in their agency, who can then no longer sign in to the web app", async ({
  page,
}) => {
  const email = await createTestUser("police", "staff");
  const name = `Test ${email.split("@")[0]}`;
  await signInWithForm(page, ADMIN, "agency.admin@truce.example");
  const row = await userRow(page, email);
  // A whole account is a platform admin's to disable: an agency admin has no such button.
  await expect(row.getByRole("button", { name: "Disable", exact: true })).toHaveCount(0);

  await row.getByRole("button", { name: `Disable in ${POLICE}` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Disable ${name} in ${POLICE}?`);
  await expect(dialog).toContainText("Their account and their other agencies are not affected.");
  await dialog.getByRole("button", { name: "Disable", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Membership disabled");
  await expect(row.getByRole("button", { name: `Enable in ${POLICE}` })).toBeVisible();

  await page.context().clearCookies();
  await signInWithForm(page, WEB, email);
  await expectSignInError(page, "This account has no access to this app.");
});

test("[agency admin] enables a disabled membership again, after confirming", async ({ page }) => {
  const email = await createTestUser("police", "staff");
  await query(
    `update membership set disabled = true where user_id = (select id from "user" where email = $1)`,
    [email],
  );
  await signInWithForm(page, ADMIN, "agency.admin@truce.example");
  const row = await userRow(page, email);
  await expect(row).toContainText("Membership disabled");
  await row.getByRole("button", { name: `Enable in ${POLICE}` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`in ${POLICE}?`);
  await dialog.getByRole("button", { name: "Enable", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row).not.toContainText("Membership disabled");
  await expect(row.getByRole("button", { name: `Disable in ${POLICE}` })).toBeVisible();
});

test("[agency admin] is offered nothing to change on a peer agency admin", async ({ page }) => {
  const email = await createTestUser("police", "agency_admin");
  await signInWithForm(page, ADMIN, "agency.admin@truce.example");
  const row = await userRow(page, email);
  await expect(row.getByRole("button", { name: /^(Disable|Enable)/ })).toHaveCount(0);
  await expect(row.getByRole("combobox", { name: `Role in ${POLICE}` })).toBeDisabled();
});

test("[platform admin] disables a whole account, which can then no longer sign in", async ({
  page,
}) => {
  const email = await createTestUser("police", "staff");
  const name = `Test ${email.split("@")[0]}`;
  await signInWithForm(page, ADMIN, "platform.admin@truce.example");
  const row = await userRow(page, email);
  await row.getByRole("button", { name: "Disable", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Disable ${name}?`);
  await expect(dialog).toContainText("signed out everywhere");
  await dialog.getByRole("button", { name: "Disable", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("button", { name: "Enable", exact: true })).toBeVisible();
  await expect(row).toContainText("Disabled");

  await page.context().clearCookies();
  await signInWithForm(page, WEB, email);
  await expectSignInError(page, /not right/);
});
