import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";

export interface AppSpec {
  /** Prefix of its output lines, e.g. "web". */
  label: string;
  /** Folder under the repo root, e.g. "apps/web". */
  dir: string;
}

export interface AppProcess {
  label: string;
  /** Resolves with the exit code (or the signal's name) once the app's process is gone. */
  exited: Promise<number | NodeJS.Signals>;
  /** SIGTERM to the app's whole process group, SIGKILL after a grace period. */
  stop(): Promise<void>;
}

/** Whether the app is there to start: its package.json with a `dev` script. */
export function hasDevScript(root: string, app: AppSpec): boolean {
  const manifest = resolve(root, app.dir, "package.json");
  if (!existsSync(manifest)) return false;
  const { scripts } = JSON.parse(readFileSync(manifest, "utf8")) as {
    scripts?: Record<string, string>;
  };
  return typeof scripts?.dev === "string";
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export interface StartAppOptions {
  env: NodeJS.ProcessEnv;
  /** Width of the widest label, to line the prefixes up. */
  labelWidth?: number;
  stdout?: Writable;
  stderr?: Writable;
}

/**
 * Runs the app's own `npm run dev` in its own process group (so that Ctrl-C reaches only the
 * orchestrator, which stops the apps before the database) and prefixes each line it prints.
 */
export function startApp(root: string, app: AppSpec, options: StartAppOptions): AppProcess {
  const { env, stdout = process.stdout, stderr = process.stderr } = options;
  const child = spawn("npm", ["run", "--silent", "dev"], {
    cwd: resolve(root, app.dir),
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const labelWidth = options.labelWidth ?? app.label.length;
  const prefix = `[${app.label}]`.padEnd(labelWidth + 2);
  for (const [stream, out] of [
    [child.stdout, stdout],
    [child.stderr, stderr],
  ] as const) {
    createInterface({ input: stream }).on("line", (line) => out.write(`${prefix} ${line}\n`));
  }

  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once("error", (error) => {
      stderr.write(`${prefix} could not start: ${error.message}\n`);
      resolve(1);
    });
    child.once("exit", (code, signal) => resolve(code ?? signal ?? 1));
  });
  // A crashed orchestrator must not leave the dev servers holding their ports.
  const onExit = () => child.pid && signalGroup(child.pid, "SIGTERM");
  process.once("exit", onExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const pid = child.pid;
      if (pid === undefined) return;
      signalGroup(pid, "SIGTERM");
      // npm exits first; next's workers may linger a moment after it.
      const deadline = Date.now() + 5_000;
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (groupAlive(pid)) signalGroup(pid, "SIGKILL");
      await exited;
      process.off("exit", onExit);
    })());

  return { label: app.label, exited, stop };
}
