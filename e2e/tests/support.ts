import { expect, type Page } from "@playwright/test";
import postgres from "postgres";
import { DEMO_PASSWORD } from "@truce/db/seed";
import { e2eEnv } from "../env";

export const WEB = e2eEnv.E2E_WEB_URL;
export const ADMIN = e2eEnv.E2E_ADMIN_URL;
export { DEMO_PASSWORD };

/** Read-only look at the test database, to check the pages against the data. */
export async function query<T extends object>(text: string): Promise<T[]> {
  if (!e2eEnv.E2E_DATABASE_URL)
    throw new Error("E2E_DATABASE_URL is not set: run the tests through run.ts");
  const sql = postgres(e2eEnv.E2E_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    return (await sql.unsafe(text)) as unknown as T[];
  } finally {
    await sql.end();
  }
}

/** Signs in through the form, as a person would. */
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
