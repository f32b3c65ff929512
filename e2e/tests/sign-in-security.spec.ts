import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { and, eq } from "@truce/db";
import { accessLog, recoveryCode } from "@truce/db/schema";
import { ADMIN, expect, signInThroughApi, test, WEB } from "./fixtures";
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  enterSecondStepCode,
  signInWithForm,
  signOutWithMenu,
  totpCode,
} from "./support";

const GENERIC = "The e-mail address or password is not right, or the account cannot sign in.";
const SESSION_COOKIE = "truce-web.session-token";

/**
 * Who the API thinks is signed in: 200 with a session, 401 without. Sent as the page's own
 * scripts send it (same origin), so a refusal is about the session, not the origin check.
 */
async function sessionMe(request: APIRequestContext, cookie?: string) {
  const res = await request.get(`${WEB}/api/trpc/session.me`, {
    headers: {
      "sec-fetch-site": "same-origin",
      ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
    },
  });
  return res.status();
}

async function sessionCookie(page: Page) {
  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error("no session cookie");
  return cookie.value;
}

/** The same person signed in in a browser of its own (its own cookies), as on another device. */
async function signInElsewhere(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughApi(context.request, "web", { email });
  return { page, cookie: await sessionCookie(page), close: () => context.close() };
}

async function openAccountSecurity(page: Page) {
  const item = page.getByRole("menuitem", { name: "Account security" });
  await page.locator('[data-slot="user-menu"]').click();
  await item.click();
  await expect(page.getByRole("heading", { name: "Account security" })).toBeVisible();
}

test("[anyone] is locked out after repeated wrong passwords", async ({ page, seed, db }) => {
  const own = await seed.user({ memberships: [["police", "staff"]] });
  for (let i = 0; i < 5; i++) {
    await signInWithForm(page, WEB, own.email, "wrong-password");
    await expect(page.getByTestId("sign-in-error")).toHaveText(GENERIC);
  }
  // the right password now gets exactly the same answer
  await signInWithForm(page, WEB, own.email);
  await expect(page.getByTestId("sign-in-error")).toHaveText(GENERIC);
  await expect(page).toHaveURL(/\/sign-in/);
  // the lockout names the account by its id; nothing typed is stored
  const lockouts = await db
    .select({ userId: accessLog.userId, detail: accessLog.detail })
    .from(accessLog)
    .where(eq(accessLog.action, "lockout"));
  expect(lockouts.filter((row) => row.userId === own.id)).toHaveLength(1);
  expect(lockouts.filter((row) => JSON.stringify(row.detail).includes(own.email))).toEqual([]);
});

test("[exit manager] signs in with a TOTP code; half signed in, the API refuses everything", async ({
  page,
  seed,
}) => {
  // A code is good once, so an exit manager of the test's own, with the demo secret.
  const own = await seed.user({ memberships: [["exit_programme", "manager"]], totp: true });
  await page.goto(`${WEB}/individuals`);
  await signInWithForm(page, WEB, own.email);
  await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();

  // After the password and before the code: no procedure answers, no page opens.
  expect(await sessionMe(page.request)).toBe(401);
  await page.goto(`${WEB}/individuals`);
  await expect(page).toHaveURL(/\/sign-in/);

  await enterSecondStepCode(page, "000000");
  await expect(page.getByTestId("code-error")).toContainText("not right");
  await enterSecondStepCode(page, totpCode(DEMO_TOTP_SECRET));
  await expect(page).toHaveURL(`${WEB}/`);
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();

  const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // the idle timeout: the cookie lives 30 minutes from the last renewal
  expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000);
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(25 * 60 * 1000);
});

test("[staff] sets up two-factor sign-in on the account page; other sessions end, a recovery code works once", async ({
  page,
  browser,
  playwright,
  seed,
  db,
  expectAccessible,
}) => {
  test.slow(); // the suite's longest flow: enrolment, then two sign-ins with recovery codes
  const own = await seed.user({ memberships: [["social_services", "staff"]] });
  // the same person, signed in elsewhere before the change
  const elsewhere = await signInElsewhere(browser, own.email);
  const api = await playwright.request.newContext();
  try {
    expect(await sessionMe(api, elsewhere.cookie)).toBe(200);

    await signInThroughApi(page.request, "web", own);
    await page.goto(`${WEB}/individuals`);
    await openAccountSecurity(page);
    await expect(page.getByTestId("two-factor-status")).toContainText("Off");
    await expectAccessible();
    await page.getByRole("link", { name: "Set up an authenticator app" }).click();
    // changing a factor asks for the factors again
    await page.getByLabel("Your password").fill("wrong-password");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByTestId("reauthentication-error")).toBeVisible();
    await page.getByLabel("Your password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    await expectAccessible();
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    await page.getByLabel("Code from the app").fill(totpCode(secret));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
    const codes = await page.getByTestId("recovery-codes").locator("li").allTextContents();
    await expectAccessible();
    await page.getByRole("button", { name: /I have saved my codes/ }).click();
    await expect(page.getByTestId("two-factor-status")).toContainText("On");
    // the session that made the change goes on; the one signed in before it has ended
    expect(await sessionMe(api, await sessionCookie(page))).toBe(200);
    expect(await sessionMe(api, elsewhere.cookie)).toBe(401);

    const stored = await db
      .select({ codeHash: recoveryCode.codeHash })
      .from(recoveryCode)
      .where(eq(recoveryCode.userId, own.id));
    expect(stored).toHaveLength(10);
    expect(stored.filter((row) => row.codeHash.includes(codes[0]!))).toEqual([]);

    await signOutWithMenu(page);
    await signInWithForm(page, WEB, own.email);
    await enterSecondStepCode(page, codes[0]!);
    await expect(page).toHaveURL(`${WEB}/`);

    await signOutWithMenu(page);
    await signInWithForm(page, WEB, own.email);
    await enterSecondStepCode(page, codes[0]!);
    await expect(page.getByTestId("code-error")).toContainText("used already");
    await enterSecondStepCode(page, codes[1]!);
    await expect(page).toHaveURL(`${WEB}/`);
  } finally {
    await api.dispose();
    await elsewhere.close();
  }
});

test("[staff] signs out their other sessions from the account page; this one goes on", async ({
  page,
  browser,
  playwright,
  seed,
  db,
}) => {
  const own = await seed.user({ memberships: [["police", "staff"]] });
  const elsewhere = await signInElsewhere(browser, own.email);
  const api = await playwright.request.newContext();
  try {
    await signInThroughApi(page.request, "web", own);
    await page.goto(`${WEB}/individuals`);

    await openAccountSecurity(page);
    await page.getByRole("link", { name: "Sign out my other sessions" }).click();
    // the confirmation: what it does, and the password
    await expect(page.getByText("Sign out everywhere else")).toBeVisible();
    await page.getByLabel("Your password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByTestId("signed-out-others")).toBeVisible();

    expect(await sessionMe(api, await sessionCookie(page))).toBe(200);
    expect(await sessionMe(api, elsewhere.cookie)).toBe(401);
    // the ended session's browser is sent to sign in (and shown the form, not sent round)
    await elsewhere.page.goto(`${WEB}/individuals`);
    await expect(elsewhere.page).toHaveURL(/\/sign-in/);
    await expect(elsewhere.page.getByLabel("E-mail address")).toBeVisible();
    const signOuts = await db
      .select({ detail: accessLog.detail })
      .from(accessLog)
      .where(and(eq(accessLog.userId, own.id), eq(accessLog.action, "sign_out")));
    expect(signOuts).toEqual([{ detail: expect.objectContaining({ scope: "other_sessions" }) }]);
  } finally {
    await api.dispose();
    await elsewhere.close();
  }
});

test("[staff] a signed-out session is dead on the server at once, even if its cookie was kept", async ({
  page,
  playwright,
  seed,
}) => {
  const own = await seed.user({ memberships: [["police", "staff"]] });
  await signInThroughApi(page.request, "web", own);
  await page.goto(`${WEB}/individuals`);
  const kept = await sessionCookie(page);
  const replay = await playwright.request.newContext();
  try {
    expect(await sessionMe(replay, kept)).toBe(200);
    await signOutWithMenu(page);
    expect(await sessionMe(replay, kept)).toBe(401);
  } finally {
    await replay.dispose();
  }
});

test("[staff] an active session is renewed: each renewal moves the idle timeout on", async ({
  page,
  seed,
}) => {
  const own = await seed.user({ memberships: [["police", "staff"]] });
  await signInThroughApi(page.request, "web", own);
  const expiry = async () =>
    (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!.expires;
  const before = await expiry();
  await page.waitForTimeout(3_200);
  // what the signed-in frame asks for while the person is active (session-keep-alive.tsx)
  const renewed = await page.request.get(`${WEB}/api/auth/session`);
  expect(await renewed.json()).toHaveProperty("claims");
  // Expires has whole seconds (the first cookie may carry a fraction): 3.2 s later, at least 2
  expect(await expiry()).toBeGreaterThanOrEqual(before + 2);
});

test.describe("as a platform admin", () => {
  test.use({ role: "platform admin" });

  test("[platform admin] finds two-factor sign-in on the admin app's account page", async ({
    page,
    expectAccessible,
  }) => {
    await page.goto(`${ADMIN}/agencies`);
    await openAccountSecurity(page);
    await expect(page.getByTestId("two-factor-status")).toContainText("Off");
    await expect(page.getByRole("link", { name: "Set up an authenticator app" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign out my other sessions" })).toBeVisible();
    await expectAccessible();
  });
});

test.describe("with the page's scripts off", () => {
  test.use({ javaScriptEnabled: false });

  /** Every page the browser went to (its history), and how. */
  function recordNavigations(page: Page) {
    const navigations: { method: string; url: string; body: string }[] = [];
    page.on("request", (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        navigations.push({
          method: request.method(),
          url: request.url(),
          body: request.postData() ?? "",
        });
      }
    });
    return navigations;
  }

  test("[staff] signs in through the form: it posts, and the password is never in a URL", async ({
    page,
    seed,
  }) => {
    const { email } = await seed.user({ memberships: [["police", "staff"]] });
    const navigations = recordNavigations(page);
    // one wrong password first: the error comes back in the page the POST answered
    await signInWithForm(page, WEB, email, "wrong-password");
    await expect(page.getByTestId("sign-in-error")).toHaveText(GENERIC);
    await expect(page.getByLabel("E-mail address")).toHaveValue(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${WEB}/`);
    // signed in (the app's pages stream their content, which needs scripts to show)
    expect(await sessionMe(page.request)).toBe(200);

    const posts = navigations.filter((n) => n.method === "POST");
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toContain(DEMO_PASSWORD);
    for (const { url } of navigations) {
      for (const password of [DEMO_PASSWORD, "wrong-password"]) {
        expect(url).not.toContain(password);
        expect(url).not.toContain(encodeURIComponent(password));
      }
      expect(new URL(url).searchParams.has("password")).toBe(false);
    }
    expect(page.url()).not.toContain(DEMO_PASSWORD);
  });

  test("[staff] enters the second step's code through a form that posts", async ({
    page,
    seed,
  }) => {
    const { email } = await seed.user({ memberships: [["police", "staff"]], totp: true });
    const navigations = recordNavigations(page);
    await signInWithForm(page, WEB, email);
    const code = totpCode(DEMO_TOTP_SECRET);
    await enterSecondStepCode(page, code);
    await expect(page).toHaveURL(`${WEB}/`);
    expect(await sessionMe(page.request)).toBe(200);
    for (const { url } of navigations) {
      expect(url).not.toContain(DEMO_PASSWORD);
      expect(new URL(url).searchParams.has("code")).toBe(false);
    }
    expect(navigations.filter((n) => n.method === "POST")).toHaveLength(2);
  });
});
