import { assertTestDatabase } from "./database-mark";
import { e2eEnv } from "./env";

/** Before any test: the database must be the one run.ts started for this run (database-mark.ts). */
export default async function globalSetup() {
  await assertTestDatabase(e2eEnv.E2E_DATABASE_URL, e2eEnv.E2E_DATABASE_MARK);
}
