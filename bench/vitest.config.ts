import { defineConfig } from "vitest/config";

// The checks of the benchmark's own machinery (its data generator); the benchmark itself
// is `npm run bench`.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
