import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // One demo database per run, which each file's startDemoDatabase() copies.
    globalSetup: ["./src/testing/demo-template-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
