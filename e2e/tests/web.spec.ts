import { inArray } from "@truce/db";
import { agency } from "@truce/db/schema";
import { expect, signInThroughApi, test, WEB } from "./fixtures";
import {
  choosePurposeBeforehand,
  fullName,
  listedName,
  signInWithForm,
  signOutWithMenu,
} from "./support";

test("[staff] is sent to sign in, signs in through the form, lands on the start page and opens the register", async ({
  page,
  seed,
  expectAccessible,
}) => {
  const own = await seed.user({ memberships: [["police", "staff"]] });
  await page.goto(`${WEB}/individuals`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible();
  await signInWithForm(page, WEB, own.email);
  await expect(page).toHaveURL(`${WEB}/`);
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Individuals" })
    .click();
  await expect(page).toHaveURL(/\/individuals/);
  await expect(page.getByRole("table", { name: "Individuals" }).getByRole("row")).not.toHaveCount(
    0,
  );
  await expect(page.locator('[data-slot="agency-switcher"]')).toContainText("(staff)");
});

test("[staff] signs out and can no longer open the register", async ({ page, seed }) => {
  const own = await seed.user({ memberships: [["police", "staff"]] });
  await signInThroughApi(page.request, "web", own);
  await page.goto(`${WEB}/individuals`);
  await expect(page.getByRole("heading", { name: "Individuals" })).toBeVisible();
  await signOutWithMenu(page);
  await page.goto(`${WEB}/individuals`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("[anyone] a wrong password shows one generic error, also for an unknown account", async ({
  page,
  seed,
}) => {
  const own = await seed.user({ memberships: [["police", "staff"]] });
  const generic = "The e-mail address or password is not right, or the account cannot sign in.";
  await signInWithForm(page, WEB, own.email, "wrong-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText(generic);
  await signInWithForm(page, WEB, "no.such.person@truce.example", "wrong-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText(generic);
  await expect(page).toHaveURL(/\/sign-in/);
});

test.describe("as police staff", () => {
  test.use({ role: "police staff" });

  test("[police staff] searches the register by name and pages through it", async ({
    page,
    seed,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    await page.goto(`${WEB}/individuals`);
    await expect(page.getByText(/Page 1 of \d+/)).toBeVisible();
    await expectAccessible();
    await page.getByLabel("Search by name").fill(person.familyName);
    const rows = page.getByRole("table", { name: "Individuals" }).getByRole("row");
    // the header and this person alone: the name is the test's own
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText(listedName(person));
    await page.getByLabel("Search by name").fill("");
    await expect(page).not.toHaveURL(/q=/);
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
  });

  test("[police staff] switches the interface to Swedish", async ({ page, expectAccessible }) => {
    await page.goto(`${WEB}/individuals`);
    await expect(page.getByRole("heading", { name: "Individuals" })).toBeVisible();
    const swedish = page.getByRole("menuitemradio", { name: "Svenska" });
    await page.getByRole("button", { name: /Language/ }).click();
    await swedish.click();
    await expect(page.getByRole("heading", { name: "Personer" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expectAccessible();
  });
});

test.describe("as a police manager", () => {
  test.use({ role: "police manager" });

  test("[police manager] finds a registration of their agency's pending approval; [exit manager] does not", async ({
    page,
    pageAs,
    seed,
    expectAccessible,
  }) => {
    const pending = await seed.person({ registeredBy: "police", registrationStatus: "pending" });
    const search = `${WEB}/individuals?q=${encodeURIComponent(pending.familyName)}`;
    await page.goto(search);
    const row = page.getByRole("row", { name: new RegExp(pending.familyName) });
    await expect(row).toContainText("Pending approval");
    await expectAccessible();

    // Until a manager approves it, only the registering agency sees the person.
    const exit = await pageAs("exit manager");
    await exit.goto(search);
    await expect(exit.getByText("No individuals match.")).toBeVisible();
    await expect(exit.getByRole("row", { name: new RegExp(pending.familyName) })).toHaveCount(0);
  });
});

test.describe("on a phone", () => {
  test.use({ role: "police staff", viewport: { width: 390, height: 844 }, isMobile: true });

  /** Whether the page scrolls sideways: on a phone everything should fit its width. */
  const overflows = () =>
    document.documentElement.scrollWidth > document.documentElement.clientWidth;

  test("[police staff] on a phone, finds a person in the register and opens their profile", async ({
    page,
    seed,
    expectAccessible,
  }) => {
    const person = await seed.person({ registeredBy: "police" });
    await choosePurposeBeforehand(page, WEB);
    await page.goto(`${WEB}/individuals?q=${encodeURIComponent(person.familyName)}`);
    const link = page.getByRole("link", { name: listedName(person) });
    await expect(link).toBeVisible();
    await expectAccessible();
    expect(await page.evaluate(overflows), "the register fits the phone's width").toBe(false);

    await link.click();
    await expect(page.getByRole("heading", { name: fullName(person) })).toBeVisible();
    await expect(page.getByLabel("New note")).toBeVisible();
    // A person just registered: the timeline and each connection say there is nothing yet.
    await expect(page.getByRole("heading", { name: "Timeline", exact: true })).toBeVisible();
    await expect(page.getByText("Nothing is recorded about the person yet.")).toBeVisible();
    await expect(page.getByText("Not known to be in any group.")).toBeVisible();
    await expectAccessible();
    expect(await page.evaluate(overflows), "the profile fits the phone's width").toBe(false);
  });
});

test("[coordinator] switches the active agency between social services and the exit programme", async ({
  page,
  seed,
  db,
  expectAccessible,
}) => {
  // Switching changes the session, so a coordinator of the test's own does it.
  const own = await seed.user({
    memberships: [
      ["social_services", "staff"],
      ["exit_programme", "staff"],
    ],
  });
  const [first, second] = await db
    .select({ name: agency.name })
    .from(agency)
    .where(inArray(agency.kind, ["social_services", "exit_programme"]))
    .orderBy(agency.name);
  await signInThroughApi(page.request, "web", own);
  await page.goto(`${WEB}/individuals`);
  // A fresh session acts as the first membership by agency name; switch to the other one.
  const switcher = page.locator('[data-slot="agency-switcher"]');
  await expect(switcher).toContainText(first!.name);
  const other = page.getByRole("menuitemradio", { name: new RegExp(second!.name) });
  await switcher.click();
  await expect(other).toBeVisible();
  await expectAccessible();
  await other.click();
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
