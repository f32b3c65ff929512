/**
 * The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) persisted in a
 * folder, served over the PostgreSQL wire protocol so that both apps, drizzle-kit and psql
 * connect to it like to any PostgreSQL server.
 *
 * It is one PostgreSQL session shared by all connections: statements run one at a time and
 * a connection keeps the session from BEGIN to COMMIT (see session-owner.ts), which makes
 * every transaction serial. Never await a query on another connection from inside an open
 * transaction (`db` instead of `tx` in a `db.transaction` callback): it waits for the
 * session that the transaction holds, for ever.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { dbEnv } from "../env";
import { defaultPgliteDir } from "./paths";
import { isPortFree } from "./ports";
import { withSessionOwnership } from "./session-owner";

export interface EmbeddedServerOptions {
  /** The PGlite data folder (created when missing). Default: `<repo>/.data/pglite`. */
  dataDir?: string;
  /** TCP port; 0 picks a free one. Default: TRUCE_DB_PORT (54329). */
  port?: number;
  /** Default 127.0.0.1: the database has no password, keep it off the network. */
  host?: string;
  /** Client connections at once (the package's default is 1; a second client waits silently). */
  maxConnections?: number;
  /**
   * Stop cleanly on SIGINT/SIGTERM, then let the signal end the process. Default true;
   * pass false when the caller has its own shutdown (the dev orchestrator does).
   */
  handleSignals?: boolean;
}

export interface EmbeddedServer {
  /** postgres:// URL for postgres.js, drizzle and psql (user and database are not checked). */
  url: string;
  port: number;
  dataDir: string;
  /** Closes the listener and every connection (rolling back open transactions), then PGlite. */
  stop(): Promise<void>;
}

export const DEFAULT_MAX_CONNECTIONS = 64;

export class EmbeddedServerError extends Error {
  override name = "EmbeddedServerError";
}

function portInUse(port: number, host: string): EmbeddedServerError {
  return new EmbeddedServerError(
    `Port ${port} on ${host} is already in use, so the embedded database cannot listen there. ` +
      `Stop whatever holds it (another "npm run dev"?) or set TRUCE_DB_PORT to a free port.`,
  );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Two PGlite instances on one folder corrupt it, and PGlite takes no lock of its own:
 * a `<dataDir>.lock` file beside the folder holds the owner's pid.
 */
function acquireLock(dataDir: string): () => void {
  const lockFile = join(dirname(dataDir), `${basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && processAlive(owner)) {
        throw new EmbeddedServerError(
          `The embedded database in ${dataDir} is already open in process ${owner} (another "npm run dev"?). ` +
            `Stop that process first, or set TRUCE_DATA_DIR to use another folder ` +
            `(if that process is not a Truce one, delete ${lockFile}).`,
        );
      }
      rmSync(lockFile, { force: true }); // left by a process that died
    }
  }
  throw new EmbeddedServerError(`could not lock ${dataDir}`);
}

/** The connection string of an embedded server listening on `port` (of this or another process). */
export function embeddedUrl(port: number, host = "127.0.0.1"): string {
  const urlHost =
    host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return `postgres://postgres@${urlHost}:${port}/postgres?sslmode=disable`;
}

export async function startEmbeddedServer(
  options: EmbeddedServerOptions = {},
): Promise<EmbeddedServer> {
  const dataDir = options.dataDir ?? defaultPgliteDir();
  const port = options.port ?? dbEnv.TRUCE_DB_PORT;
  const host = options.host ?? "127.0.0.1";
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;

  mkdirSync(dirname(dataDir), { recursive: true });
  const releaseLock = acquireLock(dataDir);
  let pg: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    // Fail before PGlite spends seconds opening the folder.
    if (port !== 0 && !(await isPortFree(port, host))) throw portInUse(port, host);
    // The migrations create pg_trgm (the name search's index); PGlite ships it separately.
    pg = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    server = new PGLiteSocketServer({ db: withSessionOwnership(pg), port, host, maxConnections });
    await server.start().catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EADDRINUSE" ? portInUse(port, host) : error;
    });
  } catch (error) {
    await server?.stop();
    await pg?.close();
    releaseLock();
    throw error;
  }

  const db = pg;
  const socketServer = server;
  const actualPort = Number(socketServer.getServerConn().split(":").pop());

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await socketServer.stop();
      // Closing waits for the queries in flight, including the rollbacks of open transactions.
      await db.close();
      releaseLock();
    })());

  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => process.kill(process.pid, signal));
  };
  if (options.handleSignals ?? true) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }

  return {
    url: embeddedUrl(actualPort, host),
    port: actualPort,
    dataDir,
    stop,
  };
}
