import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dbEnv } from "../env";

function isWorkspaceRoot(dir: string): boolean {
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest)) return false;
  try {
    return "workspaces" in (JSON.parse(readFileSync(manifest, "utf8")) as object);
  } catch {
    return false;
  }
}

/** The monorepo's root: the nearest folder above this file whose package.json has workspaces. */
export function repoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (isWorkspaceRoot(dir)) return dir;
    if (dirname(dir) === dir) return resolve(here, "../../../.."); // packages/db/src/embedded
  }
}

/** Local, untracked state (`.data/` at the root, or TRUCE_DATA_DIR, relative to the root). */
export function localDataRoot(): string {
  return resolve(repoRoot(), dbEnv.TRUCE_DATA_DIR ?? ".data");
}

/** Where the embedded default keeps its database. */
export function defaultPgliteDir(): string {
  return join(localDataRoot(), "pglite");
}
