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
});
