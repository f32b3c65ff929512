/**
 * A vitest globalSetup (packages/db, api and auth): the demo programme once per test run,
 * which every test file's `startDemoDatabase()` copies instead of starting, migrating and
 * seeding a server of its own. The workers find it through DEMO_TEMPLATE_ENV, which they
 * inherit from this process.
 */
import { DEMO_TEMPLATE_ENV, startDemoTemplate } from "./demo-database";

export default async function setup(): Promise<() => Promise<void>> {
  const template = await startDemoTemplate();
  process.env[DEMO_TEMPLATE_ENV] = template.url;
  return async () => {
    delete process.env[DEMO_TEMPLATE_ENV];
    await template.stop();
  };
}
