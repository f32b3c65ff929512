/**
 * `npm run dev`: the database, the migrations, the demo data and both apps in one command.
 *
 * - DATABASE_URL set: that PostgreSQL server, the apps connecting as DATABASE_URL's role and
 *   the migrations and seed running as DATABASE_MIGRATION_URL's (the owner; default
 *   DATABASE_URL). Otherwise the embedded default, PGlite in `.data/pglite` at the repo root
 *   (TRUCE_DATA_DIR moves `.data`), served on TRUCE_DB_PORT (54329) from inside this process.
 * - Applies the migrations and seeds the demo data (once: it skips a seeded database).
 * - AUTH_SECRET from the environment, else `.data/auth-secret`, made on the first start.
 * - Starts `npm run dev` of apps/web (port 3000) and apps/admin (port 3001) with
 *   DATABASE_URL, AUTH_SECRET and AUTH_TRUST_HOST, their lines prefixed [web] / [admin].
 * - Ctrl-C or SIGTERM, or either app exiting, stops the apps, then the database; the exit
 *   code is non-zero when an app crashed.
 *
 * TRUCE_DEV_NO_APPS=1 starts no app: the database is migrated, seeded and kept serving
 * until Ctrl-C, for psql, drizzle-kit studio or an app started by hand.
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { createDb } from "../src/client";
import {
  startEmbeddedServer,
  isPortFree,
  localDataRoot,
  repoRoot,
  defaultPgliteDir,
  type EmbeddedServer,
} from "../src/embedded";
import { dbEnv } from "../src/env";
import { migrationsFolder, runMigrations } from "../src/migrate";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../src/seed";
import { hasDevScript, startApp, type AppProcess, type AppSpec } from "./app-process";
import { appEnvironment, devEnv } from "./env";
import { localAuthSecret } from "./local-secret";

const APPS = [
  { label: "web", dir: "apps/web", port: 3000, title: "Web app" },
  { label: "admin", dir: "apps/admin", port: 3001, title: "Admin app" },
] as const satisfies ReadonlyArray<AppSpec & { port: number; title: string }>;

const root = repoRoot();
const dataRoot = localDataRoot();
const show = (path: string) => (path.startsWith(root) ? relative(root, path) || "." : path);
const log = (line = "") => console.log(line);

// Set as soon as it starts, so that a Ctrl-C during start-up still closes PGlite properly.
let embedded: Promise<EmbeddedServer> | undefined;
const running: AppProcess[] = [];
let shuttingDown = false;

async function shutdown(exitCode: number, reason: string): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    log(`\n${reason}`);
    await Promise.all(running.map((app) => app.stop()));
    const server = await embedded?.catch(() => undefined);
    if (server) {
      log("Stopping the embedded database...");
      await server.stop();
    }
    process.exit(exitCode);
  }
  return new Promise<never>(() => {}); // the first call exits
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (shuttingDown) log("Still stopping...");
    void shutdown(0, `${signal}: stopping.`);
  });
}

/** A deadlocked seed on the embedded server hangs without a word: say what to look for. */
function warnIfSlow<T>(work: Promise<T>, what: string): Promise<T> {
  const timer = setTimeout(() => {
    log(
      `${what} is taking more than 60 s. On the embedded database a query awaited on \`db\` ` +
        "inside a `db.transaction` callback (instead of `tx`) waits for ever.",
    );
  }, 60_000);
  return work.finally(() => clearTimeout(timer));
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

async function main(): Promise<void> {
  const apps = devEnv.TRUCE_DEV_NO_APPS ? [] : APPS.filter((app) => hasDevScript(root, app));
  if (!devEnv.TRUCE_DEV_NO_APPS) {
    for (const app of APPS.filter((a) => !apps.includes(a))) {
      log(`${app.dir} has no dev script yet: not starting the ${app.title.toLowerCase()}.`);
    }
  }
  // Before anything slow: a port held by an earlier run is the usual reason to fail.
  for (const app of apps) {
    if (!(await isPortFree(app.port))) {
      throw new Error(
        `Port ${app.port} (the ${app.title.toLowerCase()}) is in use: is another "npm run dev" running?`,
      );
    }
  }

  let url: string;
  // The owner, for the migrations and the seed; the apps get `url`.
  let ownerUrl: string;
  let databaseLine: string;
  if (dbEnv.DATABASE_URL) {
    url = dbEnv.DATABASE_URL;
    ownerUrl = dbEnv.DATABASE_MIGRATION_URL ?? url;
    databaseLine = `PostgreSQL at ${redact(url)} (DATABASE_URL)`;
    if (ownerUrl !== url) databaseLine += `, migrated as ${redact(ownerUrl)}`;
  } else if (dbEnv.DATABASE_MIGRATION_URL) {
    throw new Error(
      "DATABASE_MIGRATION_URL is set but DATABASE_URL is not: set DATABASE_URL to the apps' role " +
        "on the same server, or unset both for the embedded database.",
    );
  } else {
    log(`Starting the embedded database in ${show(defaultPgliteDir())}...`);
    embedded = startEmbeddedServer({ handleSignals: false });
    const server = await embedded;
    // One superuser session for every client: the roles exist there, but the hash chain is
    // what detects tampering (docs/database-roles.md).
    url = server.url;
    ownerUrl = url;
    databaseLine = `embedded PGlite in ${show(server.dataDir)}, ${url}`;
  }

  if (existsSync(join(migrationsFolder, "meta", "_journal.json"))) {
    await warnIfSlow(runMigrations(ownerUrl), "Migrating");
    log("Migrations applied.");
  } else {
    log(`No migrations in ${show(migrationsFolder)} yet: nothing to apply.`);
  }

  const db = createDb(ownerUrl);
  try {
    const { seeded } = await warnIfSlow(seedDemo(db), "Seeding the demo data");
    log(seeded ? "Seeded the demo data." : "The demo data is already there: not seeding again.");
  } finally {
    await db.close();
  }

  const auth = localAuthSecret(dataRoot, devEnv.AUTH_SECRET);
  if (auth.source === "generated") log(`Generated a local AUTH_SECRET in ${show(auth.file)}`);

  const width = Math.max(...APPS.map((a) => a.label.length));
  const env = appEnvironment({
    DATABASE_URL: url,
    AUTH_SECRET: auth.secret,
    AUTH_TRUST_HOST: "true",
    // no phoning home from a developer's machine
    NEXT_TELEMETRY_DISABLED: "1",
  });
  for (const app of apps) {
    const started = startApp(root, app, { env, labelWidth: width });
    running.push(started);
    void started.exited.then((result) => {
      if (shuttingDown) return;
      const crashed = result !== 0;
      void shutdown(
        crashed ? 1 : 0,
        `The ${app.title.toLowerCase()} ${crashed ? `crashed (${result})` : "exited"}: stopping the rest.`,
      );
    });
  }

  const rule = "─".repeat(72);
  log(rule);
  for (const app of apps) log(`  ${app.title.padEnd(10)} http://localhost:${app.port}`);
  log(`  Database   ${databaseLine}`);
  log(`  Demo users (password: ${DEMO_PASSWORD})`);
  const emailWidth = Math.max(...DEMO_USERS.map((u) => u.email.length));
  for (const user of DEMO_USERS) log(`    ${user.email.padEnd(emailWidth)}  ${user.description}`);
  if (apps.length) log(`  Ctrl-C stops the apps${embedded ? " and the database" : ""}.`);
  else if (embedded) log("  No app started. Ctrl-C stops the database.");
  log(rule);

  if (apps.length === 0 && !embedded) await shutdown(0, "Nothing left to run.");
}

main().catch((error: unknown) => {
  if (shuttingDown) return; // a Ctrl-C during start-up: the database went away under it
  console.error(error instanceof Error ? error.message : error);
  void shutdown(1, "Start-up failed: stopping.");
});
