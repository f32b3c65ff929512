import { expect, test } from "@playwright/test";
import { query, signInWithForm, WEB } from "./support";

test("[police staff] signs in to the web app and sees individuals from the demo data", async ({
  page,
}) => {
  await page.goto(`${WEB}/individuals`);
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithForm(page, WEB, "police.staff@truce.example");
  await expect(page).toHaveURL(/\/individuals/);
  const [first] = await query<{ given_name: string; family_name: string }>(
    `select given_name, family_name from individual where registration_status = 'approved'
       or registering_agency_id = (select id from agency where kind = 'police')
     order by family_name, given_name, id limit 1`,
  );
  const table = page.getByRole("table", { name: "Individuals" });
  await expect(table.getByRole("row").nth(1)).toContainText(
    `${first!.family_name}, ${first!.given_name}`,
  );
  await expect(page.locator('[data-slot="agency-switcher"]')).toContainText("(staff)");
});

test("[police staff] signs out and can no longer open the register", async ({ page }) => {
  await signInWithForm(page, WEB, "police.staff@truce.example");
  await expect(page).toHaveURL(/\/individuals/);
  await page.locator('[data-slot="user-menu"]').click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${WEB}/individuals`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[police staff] searches the register by name and pages through it", async ({ page }) => {
  await signInWithForm(page, WEB, "police.staff@truce.example");
  await expect(page).toHaveURL(/\/individuals/);
  const [someone] = await query<{ family_name: string }>(
    `select family_name from individual where registration_status = 'approved' order by family_name desc limit 1`,
  );
  await page.getByLabel("Search by name").fill(someone!.family_name);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(someone!.family_name)}`));
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText(someone!.family_name);
  await page.getByLabel("Search by name").fill("");
  await expect(page).not.toHaveURL(/q=/);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
});

test("[anyone] a wrong password shows one generic error, also for an unknown account", async ({
  page,
}) => {
  const generic = "The e-mail address or password is not right, or the account cannot sign in.";
  await signInWithForm(page, WEB, "police.staff@truce.example", "wrong-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText(generic);
  await signInWithForm(page, WEB, "no.such.person@truce.example", "wrong-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText(generic);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[police staff] switches the interface to Swedish", async ({ page }) => {
  await signInWithForm(page, WEB, "police.staff@truce.example");
  await expect(page.getByRole("heading", { name: "Individuals" })).toBeVisible();
  await page.getByRole("button", { name: /Language/ }).click();
  await page.getByRole("menuitemradio", { name: "Svenska" }).click();
  await expect(page.getByRole("heading", { name: "Personer" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
});

test("[coordinator] switches the active agency between social services and the exit programme", async ({
  page,
}) => {
  await signInWithForm(page, WEB, "coordinator@truce.example");
  await expect(page).toHaveURL(/\/individuals/);
  // A fresh session acts as the first membership by agency name; switch to the other one.
  const [first, second] = await query<{ name: string }>(
    `select a.name from membership m join agency a on a.id = m.agency_id
       join "user" u on u.id = m.user_id
     where u.email = 'coordinator@truce.example' order by a.name`,
  );
  const switcher = page.locator('[data-slot="agency-switcher"]');
  await expect(switcher).toContainText(first!.name);
  await switcher.click();
  await page.getByRole("menuitemradio", { name: new RegExp(second!.name) }).click();
  await expect(switcher).toContainText(second!.name);
  await expect(switcher).not.toHaveAttribute("aria-busy", "true");
  await page.reload();
  await expect(switcher).toContainText(second!.name);
});

test("[anonymous] the API answers 401 without a session, whatever the page does", async ({
  request,
}) => {
  // As the app's own page calls it (a same-origin fetch): only the session is missing.
  const sameOrigin = { "sec-fetch-site": "same-origin" };
  const res = await request.get(`${WEB}/api/trpc/individual.list`, { headers: sameOrigin });
  expect(res.status()).toBe(401);
  const forged = await request.get(`${WEB}/api/trpc/individual.list`, {
    headers: {
      ...sameOrigin,
      "x-middleware-subrequest": "middleware",
      cookie: "truce-web.session-token=forged",
    },
  });
  expect(forged.status()).toBe(401);
});
