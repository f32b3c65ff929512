import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // One demo database per run, which each file's startDemoDatabase() copies.
    globalSetup: ["../db/src/testing/demo-template-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // What the apps always have (next-auth needs it): throttle keys and grants are HMACs under it.
    env: { AUTH_SECRET: "test-secret-of-the-auth-package-tests-0123456789" },
    // next-auth imports "next/server" without an extension, which only a bundler resolves;
    // inlining lets Vite resolve it for the tests of config.ts.
    server: { deps: { inline: ["next-auth"] } },
  },
});
