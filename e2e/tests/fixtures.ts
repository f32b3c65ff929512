/**
 * The one `test` every browser spec imports. It gives each test:
 * - `role`: name one (`test.use({ role: "police staff" })`) and the test starts signed in as
 *   that role, from the state the `sign-in` setup project saved; without one, signed out;
 * - a `page` that fails the test on any console error, uncaught exception or React
 *   hydration warning (what a test provokes on purpose it declares, with why, in
 *   `provokedConsoleErrors`);
 * - `expectAccessible()`: axe on the page as it is now, failing on serious or critical
 *   violations;
 * - `pageAs(role)`: a second browser signed in as another role, watched the same way;
 * - `db` (the test database, typed Drizzle), `seed` (data of the test's own) and `api` (the
 *   apps' API as a role or a user, for seeding through the app's own services).
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { createDb, type Db } from "@truce/db";
import { e2eEnv } from "../env";
import { stateFile, type Role } from "./roles";
import { apiFor, seedPerson, seedUser, type Api } from "./test-data";

export { expect };
export { ADMIN, WEB, signInThroughApi } from "./roles";

/** A known accessibility problem left out of one check, and why (name the page and element). */
export type KnownAxeProblem = { rule: string; why: string };

/** Console errors a test provokes on purpose (a refused request logs "Failed to load resource"). */
export interface ProvokedConsoleErrors {
  why: string;
  /** Each matches only what the test provokes. */
  messages: RegExp[];
}

interface Options {
  role: Role | null;
  provokedConsoleErrors: ProvokedConsoleErrors | null;
}

interface Fixtures {
  expectAccessible: (options?: { page?: Page; known?: KnownAxeProblem[] }) => Promise<void>;
  pageAs: (role: Role) => Promise<Page>;
  seed: {
    person: (options?: Parameters<typeof seedPerson>[1]) => ReturnType<typeof seedPerson>;
    user: (options?: Parameters<typeof seedUser>[1]) => ReturnType<typeof seedUser>;
  };
  api: Api;
}

interface WorkerFixtures {
  /** The test database, as run.ts passes it (the global setup has checked its mark). */
  databaseUrl: string | undefined;
  db: Db;
}

/** Collects what a page reports going wrong, until the test ends. */
function watch(page: Page, provoked: ProvokedConsoleErrors | null): string[] {
  const problems: string[] = [];
  const unexpected = (text: string) =>
    !(provoked?.messages ?? []).some((pattern) => pattern.test(text));
  page.on("console", (message) => {
    const text = message.text();
    const hydration = message.type() === "warning" && /hydrat/i.test(text);
    if ((message.type() === "error" || hydration) && unexpected(text)) {
      problems.push(`console ${message.type()} on ${page.url()}: ${text}`);
    }
  });
  page.on("pageerror", (error) => {
    if (unexpected(error.message)) problems.push(`uncaught on ${page.url()}: ${error.message}`);
  });
  return problems;
}

const SEVERE = new Set(["serious", "critical"]);

export const test = base.extend<Options & Fixtures, WorkerFixtures>({
  role: [null, { option: true }],
  provokedConsoleErrors: [null, { option: true }],

  storageState: async ({ role, storageState }, provide) => {
    await provide(role ? stateFile(role) : storageState);
  },

  page: async ({ page, provokedConsoleErrors }, provide) => {
    const problems = watch(page, provokedConsoleErrors);
    await provide(page);
    expect(problems, "the page reported errors").toEqual([]);
  },

  pageAs: async ({ browser, provokedConsoleErrors }, provide) => {
    const opened: Array<{ close(): Promise<void>; problems: string[] }> = [];
    await provide(async (role) => {
      const context = await browser.newContext({ storageState: stateFile(role) });
      const page = await context.newPage();
      opened.push({ close: () => context.close(), problems: watch(page, provokedConsoleErrors) });
      return page;
    });
    for (const { close } of opened) await close();
    expect(
      opened.flatMap((o) => o.problems),
      "a second role's page reported errors",
    ).toEqual([]);
  },

  expectAccessible: async ({ page }, provide) => {
    await provide(async ({ page: target = page, known = [] } = {}) => {
      // A dialog or menu fading in is checked once it has: mid-fade its text is lighter than
      // its colours, and axe reads that as too little contrast. Endless animations (a
      // spinner) are left running.
      await target.evaluate(() =>
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.effect?.getTiming().iterations !== Infinity)
            .map((a) => a.finished.catch(() => undefined)),
        ),
      );
      let axe = new AxeBuilder({ page: target });
      if (known.length > 0) axe = axe.disableRules(known.map((k) => k.rule));
      const { violations } = await axe.analyze();
      const severe = violations
        .filter((v) => SEVERE.has(v.impact ?? ""))
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help}, at ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`,
        );
      expect(severe, `serious accessibility problems on ${target.url()}`).toEqual([]);
    });
  },

  databaseUrl: [e2eEnv.E2E_DATABASE_URL, { option: true, scope: "worker" }],
  db: [
    async ({ databaseUrl }, provide) => {
      if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the tests with run.ts");
      const db = createDb(databaseUrl, { max: 2 });
      await provide(db);
      await db.close();
    },
    { scope: "worker" },
  ],

  seed: async ({ db }, provide) => {
    await provide({
      person: (options) => seedPerson(db, options),
      user: (options) => seedUser(db, options),
    });
  },

  api: async ({ db }, provide) => {
    await provide(apiFor(db));
  },
});
