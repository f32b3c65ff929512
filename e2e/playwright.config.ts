import { defineConfig } from "@playwright/test";
import { e2eEnv } from "./env";

// Debian's Chromium, never a downloaded browser; these flags keep it off the closed network.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export default defineConfig({
  testDir: "./tests",
  // Refuses any database but the one run.ts started for this run.
  globalSetup: "./global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(e2eEnv.CI),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    locale: "en-GB",
    launchOptions: { executablePath: e2eEnv.CHROMIUM_PATH, args: chromiumArgs },
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    // Each role signs in once, through the API, and saves its browser state (.auth/).
    { name: "sign-in", testMatch: /\.setup\.ts$/ },
    // Tests that change what every other spec reads, the programme's settings (the reports
    // mark its start, every sign-in reads the two-factor rules), are tagged
    // @programme-settings: they run first, before any other spec starts, and put the demo's
    // values back. One such test at a time: keep them to one test, or a serial describe.
    {
      name: "programme settings",
      testMatch: /\.spec\.ts$/,
      grep: /@programme-settings/,
      dependencies: ["sign-in"],
    },
    // The specs: a test that names a role (`test.use({ role })`, fixtures.ts) starts from
    // that role's saved state, so only the tests about signing in go through the form.
    {
      name: "browser",
      testMatch: /\.spec\.ts$/,
      grepInvert: /@programme-settings/,
      dependencies: ["sign-in", "programme settings"],
    },
  ],
});
