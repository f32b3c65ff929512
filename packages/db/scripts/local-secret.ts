import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface LocalSecret {
  secret: string;
  /** Where it came from: the environment, the file of an earlier start, or made just now. */
  source: "environment" | "file" | "generated";
  file: string;
}

/**
 * The apps' AUTH_SECRET for a local run: the environment's when set, otherwise the one kept in
 * `<dataRoot>/auth-secret` (32 random bytes, base64url, readable by the owner only), made on
 * the first start so that sessions survive a restart. Never committed: `.data/` is ignored.
 */
export function localAuthSecret(
  dataRoot: string,
  fromEnvironment: string | undefined,
): LocalSecret {
  const file = join(dataRoot, "auth-secret");
  if (fromEnvironment) return { secret: fromEnvironment, source: "environment", file };
  try {
    const stored = readFileSync(file, "utf8").trim();
    if (stored) return { secret: stored, source: "file", file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataRoot, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, source: "generated", file };
}
