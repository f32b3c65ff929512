import { test as setup } from "@playwright/test";
import { ROLES, signInThroughApi, stateFile, type Role } from "./roles";

// The `sign-in` project: each role signs in once per run, through the API, and every test
// that names the role starts from the browser state saved here (playwright.config.ts).
for (const role of Object.keys(ROLES) as Role[]) {
  setup(`[${role}] signs in through the API`, async ({ playwright }) => {
    const request = await playwright.request.newContext();
    try {
      await signInThroughApi(request, ROLES[role].app, ROLES[role]);
      await request.storageState({ path: stateFile(role) });
    } finally {
      await request.dispose();
    }
  });
}
