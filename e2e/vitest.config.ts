import { defineConfig } from "vitest/config";

// Only the checks of the e2e machinery itself; the browser tests are Playwright's (tests/).
export default defineConfig({
  test: {
    include: ["*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
