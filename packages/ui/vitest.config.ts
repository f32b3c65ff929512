import { defineConfig } from "vitest/config";

export default defineConfig({
  // Vite 8 transforms with Oxc; compile JSX the way Next does (automatic runtime).
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    // Server-side rendering only: components are checked as the HTML they produce.
    environment: "node",
    include: ["src/**/*.test.ts?(x)"],
  },
});
