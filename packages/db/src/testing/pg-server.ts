/**
 * A throwaway PostgreSQL server for the API and browser tests: initdb + pg_ctl on a
 * temporary directory, listening on a free loopback port, removed again on stop (and on
 * process exit, so a failing or interrupted test run leaves nothing behind).
 *
 * initdb refuses to run as root, and CI runs as root: there the server runs as the
 * `postgres` system user that Debian's package creates (or `nobody` where it is absent).
 *
 * Its two roles are a real server's (docs/database-roles.md): initdb's superuser `truce` is
 * the owner that runs the migrations, and `createAppLogin` adds the apps' login role.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PgServer {
  /** Connection string of the fresh, empty database. */
  url: string;
  /** Connection string of a further fresh database on the same server. */
  createDatabase(name: string): Promise<string>;
  /**
   * A login role like the apps' on a real server (default `truce_web`): no superuser, owning
   * nothing, a member of truce_app, which the migrations create (so run them first).
   * Returns `databaseUrl` connected as that role.
   */
  createAppLogin(databaseUrl: string, name?: string): Promise<string>;
  stop(): Promise<void>;
}

export const DEFAULT_PG_BIN_DIR = "/usr/lib/postgresql/15/bin";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not find a free port"));
      });
    });
  });
}

function runAsUser(): { name: string; uid: number; gid: number } | null {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  for (const name of ["postgres", "nobody"]) {
    const res = spawnSync("id", ["-u", name], { encoding: "utf8" });
    if (res.status === 0) {
      const uid = Number(res.stdout.trim());
      const gid = Number(spawnSync("id", ["-g", name], { encoding: "utf8" }).stdout.trim());
      return { name, uid, gid };
    }
  }
  throw new Error(
    "running as root, and neither a 'postgres' nor a 'nobody' user exists for initdb",
  );
}

export interface PgServerOptions {
  binDir?: string;
  database?: string;
  /** Further server settings (`-c name=value`): the benchmark sizes its buffers like a server's. */
  settings?: Readonly<Record<string, string>>;
}

export async function startPgServer(options: PgServerOptions = {}): Promise<PgServer> {
  const binDir = options.binDir ?? process.env.TRUCE_PG_BIN_DIR ?? DEFAULT_PG_BIN_DIR;
  const initdb = join(binDir, "initdb");
  const pgCtl = join(binDir, "pg_ctl");
  const psql = join(binDir, "psql");
  if (!existsSync(initdb) || !existsSync(pgCtl)) {
    throw new Error(
      `PostgreSQL binaries not found in ${binDir}: install Debian's postgresql package (apt-get install -y postgresql) or set TRUCE_PG_BIN_DIR`,
    );
  }

  const root = mkdtempSync(join(tmpdir(), "truce-pg-"));
  const dataDir = join(root, "data");
  const logFile = join(root, "server.log");
  const user = runAsUser();
  if (user) {
    chownSync(root, user.uid, user.gid);
    chmodSync(root, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = user ? ["runuser", ["-u", user.name, "--", cmd, ...args]] : [cmd, args];
    return execFileSync(file, argv, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
    });
  };

  const port = await freePort();
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(pgCtl, ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // the server may never have started; the directory goes either way
    }
    rmSync(root, { recursive: true, force: true });
  };
  const onExit = () => stopSync();
  const onSignal = (signal: NodeJS.Signals) => {
    stopSync();
    process.kill(process.pid, signal);
  };
  process.once("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    run(initdb, [
      "-D",
      dataDir,
      "-A",
      "trust",
      "-U",
      "truce",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    const serverOptions = [
      `-p ${port}`,
      `-k ${root}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
      ...Object.entries(options.settings ?? {}).map(([name, value]) => `-c ${name}=${value}`),
    ].join(" ");
    run(pgCtl, ["-D", dataDir, "-l", logFile, "-o", serverOptions, "-w", "-t", "60", "start"]);
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
    stopSync();
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`could not start a throwaway PostgreSQL server: ${stderr}\n${log}`.trim(), {
      cause: error,
    });
  }

  const base = `postgres://truce@127.0.0.1:${port}`;
  const asSuperuser = (database: string, statements: string) =>
    run(psql, [
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
      "-U",
      "truce",
      "-d",
      database,
      "-qc",
      statements,
    ]);
  const identifier = (name: string, what: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid ${what}: ${name}`);
    return name;
  };
  const createDatabase = async (name: string) => {
    asSuperuser("postgres", `CREATE DATABASE ${identifier(name, "database name")}`);
    return `${base}/${name}`;
  };
  const createAppLogin = async (databaseUrl: string, name = "truce_web") => {
    const role = identifier(name, "role name");
    const url = new URL(databaseUrl);
    try {
      // Roles belong to the whole server: a second database's call finds it there.
      asSuperuser(
        url.pathname.slice(1),
        `DO $$ BEGIN
           IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
             CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
           END IF;
         END $$;
         GRANT truce_app TO ${role};`,
      );
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? "";
      throw new Error(
        `could not create the app login ${role} (are the migrations applied? they create truce_app): ${stderr}`.trim(),
        { cause: error },
      );
    }
    url.username = role;
    return url.toString();
  };
  const url = await createDatabase(options.database ?? "truce_test");

  return {
    url,
    createDatabase,
    createAppLogin,
    async stop() {
      process.off("exit", onExit);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      stopSync();
    },
  };
}
