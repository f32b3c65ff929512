import { z } from "zod";

/** What the Playwright tests are told by run.ts: the apps' URLs and the test database. */
export const e2eEnv = z
  .object({
    E2E_WEB_URL: z.string().url().default("http://127.0.0.1:3100"),
    E2E_ADMIN_URL: z.string().url().default("http://127.0.0.1:3101"),
    E2E_DATABASE_URL: z.string().optional(),
    /** The token run.ts marked the database with (database-mark.ts). */
    E2E_DATABASE_MARK: z.string().optional(),
    CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
    CI: z.string().optional(),
  })
  .parse(process.env);
