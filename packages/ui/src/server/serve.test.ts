/**
 * The apps' HTTP server in development, as `npm run dev` starts it: a newcomer may open it
 * by 127.0.0.1 or by the machine's address, not only by localhost, and still get the
 * development scripts (without them the sign-in page would fall back to a plain form).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { networkInterfaces } from "node:os";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const webDir = fileURLToPath(new URL("../../../../apps/web", import.meta.url));
const serve = fileURLToPath(new URL("./serve.mjs", import.meta.url));
const port = 3400 + Math.floor(Math.random() * 400);
const base = `http://127.0.0.1:${port}`;
let child: ChildProcess;
let output = "";

beforeAll(async () => {
  child = spawn(process.execPath, [serve, "--dev", "--port", String(port)], {
    cwd: webDir,
    env: {
      ...process.env,
      NODE_ENV: "development",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      // The sign-in page and the scripts need no database.
      DATABASE_URL: "postgres://nobody@127.0.0.1:9/none",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (!/Ready on/.test(output)) {
    if (child.exitCode !== null) throw new Error(`the dev server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the dev server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 120_000);

afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
});

describe("npm run dev, opened by another name than localhost", () => {
  it("serves the development scripts to pages opened by 127.0.0.1 and the machine's addresses", async () => {
    const page = await fetch(`${base}/sign-in`);
    expect(page.status).toBe(200);
    const script = /\/_next\/static\/[^"]+\.js/.exec(await page.text())?.[0];
    expect(script, "the sign-in page loads scripts").toBeTruthy();
    const hosts = [
      "127.0.0.1",
      ...Object.values(networkInterfaces())
        .flat()
        .flatMap((e) => (e && e.family === "IPv4" ? [e.address] : [])),
    ];
    for (const host of new Set(hosts)) {
      const res = await fetch(`${base}${script}`, {
        headers: { origin: `http://${host}:${port}` },
      });
      expect(res.status, host).toBe(200);
    }
    // Another site still gets nothing.
    const evil = await fetch(`${base}${script}`, { headers: { origin: "http://evil.example" } });
    expect(evil.status).toBe(403);
  }, 120_000);
});
