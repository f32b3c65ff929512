/**
 * `npm run test:e2e`: builds both apps, starts a throwaway PostgreSQL with the demo data,
 * serves the production builds against it on free ports, runs Playwright in Debian's
 * Chromium, and tears everything down again, also when a test fails. Other arguments go to
 * Playwright; `--no-build` serves the builds already there (to iterate on the tests alone).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDemoDatabase } from "@truce/db/testing";
import { markTestDatabase } from "./database-mark";
import { e2eEnv } from "./env";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        address && typeof address === "object"
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): number {
  const result = spawnSync(cmd, args, { cwd, stdio: "inherit", env });
  return result.status ?? 1;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the app exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become healthy within 90 s`);
}

function startApp(dir: string, port: number, env: NodeJS.ProcessEnv): ChildProcess {
  // The apps' own server, as `npm run start` runs it (it decides the client's address).
  const serve = join(root, "packages/ui/src/server/serve.mjs");
  const child = spawn(
    process.execPath,
    [serve, "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: join(root, dir),
      env,
      detached: true,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  return child;
}

function stopApp(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function main(): Promise<number> {
  if (!existsSync(e2eEnv.CHROMIUM_PATH) && process.getuid?.() === 0) {
    console.log("[e2e] Chromium is missing: installing Debian's package");
    run(
      "sh",
      [
        "-c",
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium",
      ],
      process.env,
    );
  }
  if (!existsSync(e2eEnv.CHROMIUM_PATH)) {
    console.error(
      `Chromium not found at ${e2eEnv.CHROMIUM_PATH}: install it with 'apt-get update && apt-get install -y chromium'.`,
    );
    return 1;
  }
  const quiet = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
  const args = process.argv.slice(2);
  if (args.includes("--no-build")) {
    console.log("[e2e] serving the builds already there (--no-build)");
  } else {
    console.log("[e2e] building both apps");
    const build = ["turbo", "run", "build", "--filter=@truce/web", "--filter=@truce/admin"];
    if (run("npx", build, quiet) !== 0) return 1;
  }

  console.log("[e2e] starting a throwaway PostgreSQL with the demo data");
  const demo = await startDemoDatabase();
  const apps: ChildProcess[] = [];
  const cleanup = () => apps.forEach(stopApp);
  process.once("exit", cleanup);
  try {
    const mark = await markTestDatabase(demo.server.url);
    const [webPort, adminPort] = [await freePort(), await freePort()];
    // The apps connect as the app role, like on a real server; never with the owner's URL.
    const { DATABASE_MIGRATION_URL: _owner, ...inherited }: NodeJS.ProcessEnv = quiet;
    const appEnv = {
      ...inherited,
      NODE_ENV: "production" as const,
      DATABASE_URL: demo.appUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
    };
    const web = startApp("apps/web", webPort, appEnv);
    const admin = startApp("apps/admin", adminPort, appEnv);
    apps.push(web, admin);
    const webUrl = `http://127.0.0.1:${webPort}`;
    const adminUrl = `http://127.0.0.1:${adminPort}`;
    await Promise.all([waitForHealth(webUrl, web), waitForHealth(adminUrl, admin)]);
    console.log(`[e2e] web ${webUrl}, admin ${adminUrl}`);

    return run(
      "npx",
      ["playwright", "test", ...args.filter((a) => a !== "--no-build")],
      {
        ...quiet,
        E2E_WEB_URL: webUrl,
        E2E_ADMIN_URL: adminUrl,
        // the owner: specs set up what the apps' role may not (a trigger on the access log)
        E2E_DATABASE_URL: demo.server.url,
        E2E_DATABASE_MARK: mark,
      },
      here,
    );
  } finally {
    cleanup();
    await demo.stop();
  }
}

process.exitCode = await main();
