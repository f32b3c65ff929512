/** How `npm run dev` runs each app: prefixed output, and nothing left behind when stopped. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasDevScript, startApp } from "../../scripts/app-process";
import { sleep, within } from "./test-helpers";

function collector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("an app's dev server under the orchestrator", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "truce-apps-"));
    const app = (name: string, script: string) => {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, "server.cjs"), script);
      writeFileSync(
        join(root, name, "package.json"),
        JSON.stringify({ name, private: true, scripts: { dev: "node server.cjs" } }),
      );
    };
    // Like next dev: a long-running server with a worker process of its own.
    app(
      "steady",
      `const { spawn } = require("node:child_process");
       const worker = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
       console.log("worker " + worker.pid);
       console.log("ready on " + process.env.DATABASE_URL);
       setInterval(() => {}, 1000);`,
    );
    app("crashing", `console.error("cannot connect"); process.exit(3);`);
    mkdirSync(join(root, "empty"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("starts only an app that has a dev script", () => {
    expect(hasDevScript(root, { label: "steady", dir: "steady" })).toBe(true);
    expect(hasDevScript(root, { label: "empty", dir: "empty" })).toBe(false);
  });

  it("prefixes its lines, passes the environment, and stops its whole process group", async () => {
    const out = collector();
    const app = startApp(
      root,
      { label: "web", dir: "steady" },
      {
        env: { PATH: process.env.PATH, DATABASE_URL: "postgres://x@127.0.0.1:1/y" },
        labelWidth: 5,
        stdout: out.stream,
      },
    );
    await within(
      20_000,
      "app output",
      (async () => {
        while (!out.lines.some((l) => l.includes("ready on"))) await sleep(50);
      })(),
    );
    expect(out.lines).toContain("[web]   ready on postgres://x@127.0.0.1:1/y");
    const workerPid = Number(
      out.lines
        .find((l) => l.includes("worker"))
        ?.split(" ")
        .pop(),
    );
    expect(alive(workerPid)).toBe(true);

    await within(15_000, "stop", app.stop());
    expect(await app.exited).toBe("SIGTERM");
    expect(alive(workerPid)).toBe(false);
  });

  it("reports a crash with the app's exit code and its prefixed error output", async () => {
    const err = collector();
    const app = startApp(
      root,
      { label: "admin", dir: "crashing" },
      { env: { PATH: process.env.PATH }, stderr: err.stream },
    );
    expect(await within(20_000, "crash", app.exited)).not.toBe(0);
    expect(err.lines).toContain("[admin] cannot connect");
    await app.stop();
  });
});
