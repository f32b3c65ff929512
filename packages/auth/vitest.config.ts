import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // next-auth imports "next/server" without an extension, which only a bundler resolves;
    // inlining lets Vite resolve it for the tests of config.ts.
    server: { deps: { inline: ["next-auth"] } },
  },
});
