import { expect, type Page } from "@playwright/test";
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
  await page.locator('[data-slot="user-menu"]').click();
  await signOut.click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** A person's name as the register lists it, and as their profile's heading shows it. */
export const listedName = (p: { givenName: string; familyName: string }) =>
  `${p.familyName}, ${p.givenName}`;
export const fullName = (p: { givenName: string; familyName: string }) =>
  `${p.givenName} ${p.familyName}`;

/** The purpose question answered beforehand, for tests about what comes after it. */
export async function choosePurposeBeforehand(page: Page, baseUrl: string) {
  await page.context().addCookies([{ name: PURPOSE_COOKIE, value: "case_work", url: baseUrl }]);
}
