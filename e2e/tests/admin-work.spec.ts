import type { Page } from "@playwright/test";
import { ADMIN, expect, signInThroughApi, test, WEB } from "./fixtures";
import { expectSignInError, signInWithForm } from "./support";

const POLICE = "Malmvik Police";

/** The users page, searched down to one user's row. */
async function userRow(page: Page, email: string) {
  await page.goto(`${ADMIN}/users`);
  const row = page.getByRole("row", { name: new RegExp(email.replace(/\./g, "\\.")) });
  await page.getByLabel("Search by name or e-mail").fill(email);
  // The search applied (in the address, and the list down to the one account), so that no
  // later answer to the unfiltered list re-renders the row while a dialog on it is open.
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(2);
  await expect(row).toBeVisible();
  return row;
}

test.describe("as an auditor", () => {
  test.use({ role: "auditor" });

  test("[auditor] reads the access log and finds a staff member's sign-in", async ({
    page,
    seed,
    playwright,
    expectAccessible,
  }) => {
    const own = await seed.user({ memberships: [["police", "staff"]] });
    const elsewhere = await playwright.request.newContext();
    try {
      await signInThroughApi(elsewhere, "web", own);
    } finally {
      await elsewhere.dispose();
    }
    await page.goto(`${ADMIN}/agencies`);
    await page.getByRole("link", { name: "Access log" }).click();
    await expect(page).toHaveURL(/\/access-log/);
    const table = page.getByRole("table", { name: "Access log" });
    await expect(
      table.getByRole("row", { name: new RegExp(`${own.email.replace(/\./g, "\\.")}.*Signed in`) }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expectAccessible();
  });
});

test.describe("as an agency admin", () => {
  test.use({ role: "agency admin" });

  test("[agency admin] disables a member's membership in their agency, who can then no longer sign in to the web app", async ({
    page,
    seed,
    expectAccessible,
  }) => {
    const member = await seed.user({ memberships: [["police", "staff"]] });
    const row = await userRow(page, member.email);
    await expectAccessible();
    // A whole account is a platform admin's to disable: an agency admin has no such button.
    await expect(row.getByRole("button", { name: "Disable", exact: true })).toHaveCount(0);

    await row.getByRole("button", { name: `Disable in ${POLICE}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(`Disable ${member.name} in ${POLICE}?`);
    await expect(dialog).toContainText("Their account and their other agencies are not affected.");
    await expectAccessible();
    await dialog.getByRole("button", { name: "Disable", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("Membership disabled");
    await expect(row.getByRole("button", { name: `Enable in ${POLICE}` })).toBeVisible();

    await page.context().clearCookies();
    await signInWithForm(page, WEB, member.email);
    await expectSignInError(page, "This account has no access to this app.");
  });

  test("[agency admin] enables a disabled membership again, after confirming", async ({
    page,
    seed,
  }) => {
    const member = await seed.user({ memberships: [["police", "staff", { disabled: true }]] });
    const row = await userRow(page, member.email);
    await expect(row).toContainText("Membership disabled");
    await row.getByRole("button", { name: `Enable in ${POLICE}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(`in ${POLICE}?`);
    await dialog.getByRole("button", { name: "Enable", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row).not.toContainText("Membership disabled");
    await expect(row.getByRole("button", { name: `Disable in ${POLICE}` })).toBeVisible();
  });

  test("[agency admin] is offered nothing to change on a peer agency admin", async ({
    page,
    seed,
  }) => {
    const peer = await seed.user({ memberships: [["police", "agency_admin"]] });
    const row = await userRow(page, peer.email);
    await expect(row.getByRole("button", { name: /^(Disable|Enable)/ })).toHaveCount(0);
    await expect(row.getByRole("combobox", { name: `Role in ${POLICE}` })).toBeDisabled();
  });
});

test.describe("as a platform admin", () => {
  test.use({ role: "platform admin" });

  test("[platform admin] disables a whole account, which can then no longer sign in", async ({
    page,
    seed,
  }) => {
    const member = await seed.user({ memberships: [["police", "staff"]] });
    const row = await userRow(page, member.email);
    await row.getByRole("button", { name: "Disable", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(`Disable ${member.name}?`);
    await expect(dialog).toContainText("signed out everywhere");
    await dialog.getByRole("button", { name: "Disable", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByRole("button", { name: "Enable", exact: true })).toBeVisible();
    await expect(row).toContainText("Disabled");

    await page.context().clearCookies();
    await signInWithForm(page, WEB, member.email);
    await expectSignInError(page, /not right/);
  });
});
