import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The repository's own lint setup (eslint.config.mjs), run on one-line files placed in each
// workspace: the import order holds only while these are reported.
const root = fileURLToPath(new URL("../../..", import.meta.url));
let eslint: ESLint;

// Loading the setup (typescript-eslint and the rest) takes seconds on a busy machine: once.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.calculateConfigForFile("packages/db/src/x.ts");
}, 60_000);

async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n\nexport const x = y;\n`, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("the import order db → auth → api → apps, with ui between auth and the apps", () => {
  it.each([
    ["db", "auth", "packages/db/src/x.ts", 'import { y } from "@truce/auth";'],
    ["db", "api", "packages/db/src/x.ts", 'import { y } from "@truce/api";'],
    ["db", "ui", "packages/db/src/x.ts", 'import { y } from "@truce/ui";'],
    ["auth", "api", "packages/auth/src/x.ts", 'import { y } from "@truce/api";'],
    ["auth", "ui", "packages/auth/src/x.ts", 'import { y } from "@truce/ui/redirect";'],
    ["api", "ui", "packages/api/src/x.ts", 'import { y } from "@truce/ui";'],
    ["api", "an app", "packages/api/src/x.ts", 'import { y } from "@truce/web";'],
    ["ui", "api", "packages/ui/src/x.tsx", 'import { y } from "@truce/api";'],
    ["ui", "api, even a type", "packages/ui/src/x.tsx", 'import type { y } from "@truce/api";'],
    [
      "ui",
      "api's schemas",
      "packages/ui/src/x.tsx",
      'import { y } from "@truce/api/schemas/note";',
    ],
    ["ui", "db", "packages/ui/src/x.tsx", 'import { y } from "@truce/db/enum-values";'],
    ["ui", "auth's values", "packages/ui/src/x.tsx", 'import { y } from "@truce/auth";'],
    ["ui", "db, re-exported", "packages/ui/src/x.ts", 'export { y } from "@truce/db";'],
  ])("%s may not import %s", async (_from, _to, file, code) => {
    expect(await refusals(file, code)).toHaveLength(1);
  });

  it("refuses a relative path into another workspace, around its exports", async () => {
    expect(
      await refusals("packages/ui/src/x.ts", 'import { y } from "../../api/src/index";'),
    ).toHaveLength(1);
    expect(
      await refusals("apps/web/src/app/x.ts", 'import { y } from "../../../../packages/db/src";'),
    ).toHaveLength(1);
  });

  it.each([
    ["auth", "db", "packages/auth/src/x.ts", 'import { y } from "@truce/db/schema";'],
    [
      "api",
      "db and auth",
      "packages/api/src/x.ts",
      'import { y } from "@truce/db";\nimport { z as y2 } from "@truce/auth";',
    ],
    ["ui", "auth's types", "packages/ui/src/x.tsx", 'import type { y } from "@truce/auth";'],
    [
      "an app",
      "everything",
      "apps/admin/src/x.tsx",
      'import { y } from "@truce/api";\nimport { z as y2 } from "@truce/ui";',
    ],
  ])("%s may import %s", async (_from, _to, file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });
});
