import { expect, type Page } from "@playwright/test";
import postgres from "postgres";
import { randomUUID } from "node:crypto";
import { totpCode } from "@truce/auth/totp";
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH, DEMO_TOTP_SECRET } from "@truce/db/seed";
import { e2eEnv } from "../env";

export const WEB = e2eEnv.E2E_WEB_URL;
export const ADMIN = e2eEnv.E2E_ADMIN_URL;
export { DEMO_PASSWORD, DEMO_TOTP_SECRET, totpCode };

function testDatabase() {
  if (!e2eEnv.E2E_DATABASE_URL)
    throw new Error("E2E_DATABASE_URL is not set: run the tests through run.ts");
  return postgres(e2eEnv.E2E_DATABASE_URL, { max: 1, onnotice: () => {} });
}

/** Read-only look at the test database, to check the pages against the data. */
export async function query<T extends object>(text: string, params: string[] = []): Promise<T[]> {
  const sql = testDatabase();
  try {
    return (await sql.unsafe(text, params)) as unknown as T[];
  } finally {
    await sql.end();
  }
}

/**
 * A user of this test's own (the demo password, one membership), so a test that locks an
 * account or changes its sign-in touches no one another test signs in as.
 */
export async function createTestUser(
  agencyKind = "police",
  role: "staff" | "manager" | "agency_admin" = "staff",
): Promise<string> {
  const email = `e2e.${randomUUID().slice(0, 8)}@truce.example`;
  const sql = testDatabase();
  try {
    await sql`
      with created as (
        insert into "user" (email, name, password_hash)
        values (${email}, ${`Test ${email.split("@")[0]}`}, ${DEMO_PASSWORD_HASH})
        returning id)
      insert into membership (user_id, agency_id, role)
      select created.id, agency.id, ${role}::membership_role
      from created, agency where agency.kind = ${agencyKind}::agency_kind`;
  } finally {
    await sql.end();
  }
  return email;
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

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export async function enterSecondStepCode(page: Page, code: string) {
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

export async function signOutWithMenu(page: Page) {
  await page.locator('[data-slot="user-menu"]').click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}
