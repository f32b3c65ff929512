import { expect, type Locator, type Page } from "@playwright/test";
import { PURPOSE_COOKIE } from "@truce/api";
import { totpCode } from "@truce/auth/totp";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@truce/db/seed";

export { DEMO_PASSWORD, DEMO_TOTP_SECRET, totpCode };

/** Signs in through the form, as a person would: only for tests about signing in. */
export async function signInWithForm(
  page: Page,
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function expectSignInError(page: Page, message: string | RegExp) {
  await expect(page.getByTestId("sign-in-error")).toContainText(message);
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export async function enterSecondStepCode(page: Page, code: string) {
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

export async function signOutWithMenu(page: Page) {
  const signOut = page.getByRole("menuitem", { name: "Sign out" });
  await openMenu(page.locator('[data-slot="user-menu"]'), signOut);
  await signOut.click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** A person's name as the register lists it, and as their profile's heading shows it. */
export const listedName = (p: { givenName: string; familyName: string }) =>
  `${p.familyName}, ${p.givenName}`;
export const fullName = (p: { givenName: string; familyName: string }) =>
  `${p.givenName} ${p.familyName}`;

/**
 * Does `act` until `done` holds. After a full load of a list or profile page, React
 * regenerates the page on the client (the hydration mismatch in fixtures.ts's
 * KNOWN_PAGE_PROBLEMS) and drops what was typed or clicked before that; `done` should wait
 * briefly (a few seconds). Goes with that problem, once the pages are fixed.
 */
export async function untilItTakes(act: () => Promise<void>, done: () => Promise<void>) {
  await expect(async () => {
    await act();
    await done();
  }).toPass({ timeout: 30_000 });
}

/** The purpose question answered beforehand, for tests about what comes after it. */
export async function choosePurposeBeforehand(page: Page, baseUrl: string) {
  await page.context().addCookies([{ name: PURPOSE_COOKIE, value: "case_work", url: baseUrl }]);
}

/** Opens a menu (or a select) by its trigger until `item` shows. */
export async function openMenu(trigger: Locator, item: Locator) {
  await untilItTakes(
    () => trigger.click({ timeout: 5_000 }),
    () => expect(item.first()).toBeVisible({ timeout: 5_000 }),
  );
}

/** Types into a search box until the address has the search. */
export async function searchFor(page: Page, box: Locator, text: string) {
  await untilItTakes(
    () => box.fill(text),
    () => expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text)}`), { timeout: 5_000 }),
  );
}
