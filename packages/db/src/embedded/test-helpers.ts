import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import postgres from "postgres";
import { startEmbeddedServer, type EmbeddedServer } from "./server";

/** Fails instead of hanging: a mistake against the embedded server waits for ever. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A promise that a transaction opens to tell the test it has got so far. */
export function latch(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A postgres.js pool standing for one app. */
export function pool(url: string, name: string, max = 10) {
  return postgres(url, { max, onnotice: () => {}, connection: { application_name: name } });
}

export interface TempEmbeddedServer extends EmbeddedServer {
  root: string;
  /** Stops the server and removes its folder. */
  dispose(): Promise<void>;
}

/** An embedded server on a fresh temporary folder and a free port. */
export async function startTempEmbeddedServer(): Promise<TempEmbeddedServer> {
  const root = mkdtempSync(join(tmpdir(), "truce-pglite-"));
  const server = await startEmbeddedServer({
    dataDir: join(root, "pglite"),
    port: 0,
    handleSignals: false,
  });
  return {
    ...server,
    root,
    async dispose() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === "object"
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
