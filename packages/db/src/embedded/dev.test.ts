/**
 * `npm run dev` without the apps (TRUCE_DEV_NO_APPS=1), as a newcomer's first and second start:
 * the embedded database is created, migrated, seeded and served; a local AUTH_SECRET is made
 * once; a signal stops it cleanly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, pool, within } from "./test-helpers";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

interface DevRun {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, ms: number) => Promise<void>;
  exitCode: Promise<number | null>;
}

function startDev(env: NodeJS.ProcessEnv): DevRun {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], {
    cwd: packageDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const waiters = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exitCode = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return {
    child,
    output: () => text,
    exitCode,
    waitFor: (pattern, ms) =>
      within(
        ms,
        `output matching ${pattern}`,
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (pattern.test(text)) {
              waiters.delete(check);
              resolve();
            }
          };
          waiters.add(check);
          void exitCode.then((code) => reject(new Error(`dev.ts exited (${code}):\n${text}`)));
          check();
        }),
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n--- output ---\n${text}`);
      }),
  };
}

describe("npm run dev with TRUCE_DEV_NO_APPS=1", () => {
  let dataRoot: string;
  let env: NodeJS.ProcessEnv;
  let url: string;
  const runs: DevRun[] = [];

  beforeAll(async () => {
    dataRoot = mkdtempSync(join(tmpdir(), "truce-dev-"));
    const port = await freePort();
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    env = {
      ...process.env,
      TRUCE_DEV_NO_APPS: "1",
      TRUCE_DATA_DIR: dataRoot,
      TRUCE_DB_PORT: String(port),
    };
    delete env.DATABASE_URL;
    delete env.AUTH_SECRET;
  });

  afterAll(() => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill("SIGKILL");
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it("creates, migrates, seeds and serves the database, then stops on SIGTERM", async () => {
    const run = startDev(env);
    runs.push(run);
    await run.waitFor(/Ctrl-C stops the database/, 150_000);
    expect(run.output()).toContain("Migrations applied.");
    expect(run.output()).toContain("Seeded the demo data.");
    expect(run.output()).toContain(
      `Generated a local AUTH_SECRET in ${join(dataRoot, "auth-secret")}`,
    );
    expect(run.output()).toMatch(/Demo users \(password: .+\)/);
    expect(statSync(join(dataRoot, "auth-secret")).mode & 0o777).toBe(0o600);

    const sql = pool(url, "psql-like", 1);
    try {
      const [row] = await within(
        10_000,
        "query",
        sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(row?.n).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }

    run.child.kill("SIGTERM");
    expect(await within(30_000, "exit after SIGTERM", run.exitCode)).toBe(0);
    expect(run.output()).toContain("Stopping the embedded database...");
    expect(existsSync(join(dataRoot, "pglite.lock"))).toBe(false);
  }, 180_000);

  it("reuses the database and the secret on the next start, and stops on SIGINT", async () => {
    const secret = readFileSync(join(dataRoot, "auth-secret"), "utf8");
    const run = startDev(env);
    runs.push(run);
    await run.waitFor(/Ctrl-C stops the database/, 120_000);
    expect(run.output()).toContain("The demo data is already there: not seeding again.");
    expect(run.output()).not.toContain("Generated a local AUTH_SECRET");
    expect(readFileSync(join(dataRoot, "auth-secret"), "utf8")).toBe(secret);

    run.child.kill("SIGINT");
    expect(await within(30_000, "exit after SIGINT", run.exitCode)).toBe(0);
  }, 180_000);
});
