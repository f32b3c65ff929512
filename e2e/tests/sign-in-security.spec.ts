import { expect, test } from "@playwright/test";
import {
  ADMIN,
  createTestUser,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  enterSecondStepCode,
  query,
  signInWithForm,
  signOutWithMenu,
  totpCode,
  WEB,
} from "./support";

const GENERIC = "The e-mail address or password is not right, or the account cannot sign in.";

test("[anyone] is locked out after repeated wrong passwords", async ({ page }) => {
  const email = await createTestUser();
  for (let i = 0; i < 5; i++) {
    await signInWithForm(page, WEB, email, "wrong-password");
    await expect(page.getByTestId("sign-in-error")).toHaveText(GENERIC);
  }
  // the right password now gets exactly the same answer
  await signInWithForm(page, WEB, email);
  await expect(page.getByTestId("sign-in-error")).toHaveText(GENERIC);
  await expect(page).toHaveURL(/\/sign-in/);
  const [lockouts] = await query<{ n: number }>(
    `select count(*)::int as n from access_log where action = 'lockout' and detail->>'subject' = $1`,
    [email],
  );
  expect(lockouts?.n).toBe(1);
});

test("[exit manager] signs in with a TOTP code; half signed in, the API refuses everything", async ({
  page,
}) => {
  await page.goto(`${WEB}/individuals`);
  await signInWithForm(page, WEB, "exit.manager@truce.example");
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();

  // After the password and before the code: no procedure answers, no page opens.
  expect((await page.request.get(`${WEB}/api/trpc/session.me`)).status()).toBe(401);
  await page.goto(`${WEB}/individuals`);
  await expect(page).toHaveURL(/\/sign-in/);

  await enterSecondStepCode(page, "000000");
  await expect(page.getByTestId("code-error")).toContainText("not right");
  await enterSecondStepCode(page, totpCode(DEMO_TOTP_SECRET));
  await expect(page).toHaveURL(/\/individuals/);
  await expect(page.getByRole("heading", { name: "Individuals" })).toBeVisible();

  const cookie = (await page.context().cookies()).find((c) => c.name === "truce-web.session-token");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // the idle timeout: the cookie lives 30 minutes from the last renewal
  expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000);
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(25 * 60 * 1000);
});

test("[staff] sets up two-factor sign-in on the account page; a recovery code works once", async ({
  page,
}) => {
  const email = await createTestUser("social_services");
  await signInWithForm(page, WEB, email);
  await expect(page).toHaveURL(/\/individuals/);
  await page.locator('[data-slot="user-menu"]').click();
  await page.getByRole("menuitem", { name: "Account security" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("Off");

  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  // changing a factor asks for the factors again
  await page.getByLabel("Your password").fill("wrong-password");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("reauthentication-error")).toBeVisible();
  await page.getByLabel("Your password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = await page.getByTestId("recovery-codes").locator("li").allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole("button", { name: /I have saved my codes/ }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("On");
  const [stored] = await query<{ n: number; clear: number }>(
    `select count(*)::int as n, count(*) filter (where code_hash like '%' || $2 || '%')::int as clear
     from recovery_code r join "user" u on u.id = r.user_id where u.email = $1`,
    [email, codes[0]!],
  );
  expect(stored).toEqual({ n: 10, clear: 0 });

  await signOutWithMenu(page);
  await signInWithForm(page, WEB, email);
  await enterSecondStepCode(page, codes[0]!);
  await expect(page).toHaveURL(/\/individuals/);

  await signOutWithMenu(page);
  await signInWithForm(page, WEB, email);
  await enterSecondStepCode(page, codes[0]!);
  await expect(page.getByTestId("code-error")).toContainText("used already");
  await enterSecondStepCode(page, codes[1]!);
  await expect(page).toHaveURL(/\/individuals/);
});

test("[staff] a signed-out session is dead on the server at once, even if its cookie was kept", async ({
  page,
  playwright,
}) => {
  const email = await createTestUser();
  await signInWithForm(page, WEB, email);
  await expect(page).toHaveURL(/\/individuals/);
  const kept = (await page.context().cookies()).find((c) => c.name === "truce-web.session-token");
  const replay = await playwright.request.newContext({
    extraHTTPHeaders: { cookie: `${kept!.name}=${kept!.value}` },
  });
  try {
    expect((await replay.get(`${WEB}/api/trpc/session.me`)).status()).toBe(200);
    await signOutWithMenu(page);
    expect((await replay.get(`${WEB}/api/trpc/session.me`)).status()).toBe(401);
  } finally {
    await replay.dispose();
  }
});

test("[staff] an active session is renewed: each renewal moves the idle timeout on", async ({
  page,
}) => {
  const email = await createTestUser();
  await signInWithForm(page, WEB, email);
  await expect(page).toHaveURL(/\/individuals/);
  const expiry = async () =>
    (await page.context().cookies()).find((c) => c.name === "truce-web.session-token")!.expires;
  const before = await expiry();
  await page.waitForTimeout(3_200);
  // what the signed-in frame asks for while the person is active (session-keep-alive.tsx)
  const renewed = await page.request.get(`${WEB}/api/auth/session`);
  expect(await renewed.json()).toHaveProperty("claims");
  // Expires has whole seconds (the first cookie may carry a fraction): 3.2 s later, at least 2
  expect(await expiry()).toBeGreaterThanOrEqual(before + 2);
});

test("[platform admin] finds two-factor sign-in on the admin app's account page", async ({
  page,
}) => {
  await signInWithForm(page, ADMIN, "platform.admin@truce.example");
  await page.locator('[data-slot="user-menu"]').click();
  await page.getByRole("menuitem", { name: "Account security" }).click();
  await expect(page.getByRole("heading", { name: "Account security" })).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toContainText("Off");
  await expect(page.getByRole("button", { name: "Set up an authenticator app" })).toBeVisible();
});
