import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb, type Db } from "../client";
import { runMigrations } from "../migrate";
import type { AGENCY_KINDS } from "../enum-values";
import { agency } from "../schema";
import { seedDemo } from "../seed";
import { startPgServer, type PgServer } from "./pg-server";

type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface DemoDatabase {
  /** `server.url` connects as the owner. */
  server: PgServer;
  /** The apps' connection string: the login role `truce_web`, a member of truce_app. */
  appUrl: string;
  /** Connected as the apps connect (the app role: case tables, insert-only access log). */
  db: Db;
  /**
   * Connected as the owner that runs the migrations: for a test's own set-up that the apps'
   * role may not do (DDL, triggers, tampering with the access log).
   */
  ownerDb: Db;
  /** Each demo agency's id by its kind (one agency of each kind the demo has). */
  agencyIds: Partial<Record<AgencyKind, string>>;
  stop(): Promise<void>;
}

/**
 * Where a test run's shared demo template is (`startDemoTemplate`, a vitest globalSetup sets
 * it): the owner's URL of a migrated, seeded database that each test file copies.
 */
export const DEMO_TEMPLATE_ENV = "TRUCE_TEST_DEMO_TEMPLATE";

/**
 * The demo programme once per test run: a throwaway server, a database migrated and seeded
 * as `startDemoDatabase` would, and the apps' login role. Each `startDemoDatabase()` of the
 * run then copies it (`CREATE DATABASE … TEMPLATE`, a fifth of a second) instead of
 * starting a server, migrating and seeding its own (five seconds). Nothing connects to the
 * template itself, so every copy is the freshly seeded demo.
 */
export async function startDemoTemplate(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = await startPgServer({ database: "truce_demo_template" });
  try {
    await runMigrations(server.url);
    await server.createAppLogin(server.url);
    const ownerDb = createDb(server.url, { max: 2 });
    try {
      await seedDemo(ownerDb);
    } finally {
      await ownerDb.close();
    }
    return { url: server.url, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** A database copied from the run's template, as a PgServer whose stop drops it. */
async function copyOfTemplate(templateUrl: string): Promise<PgServer> {
  const template = new URL(templateUrl);
  const templateName = template.pathname.slice(1);
  const serverUrl = new URL(templateUrl);
  serverUrl.pathname = "/postgres";
  const admin = postgres(serverUrl.toString(), { max: 1, onnotice: () => {} });
  const databaseUrl = (name: string) => {
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const name = `truce_demo_${randomBytes(6).toString("hex")}`;
  const created: string[] = [];
  try {
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
    created.push(name);
  } catch (error) {
    await admin.end();
    throw error;
  }
  return {
    url: databaseUrl(name),
    async createDatabase(further) {
      if (!/^[a-z_][a-z0-9_]*$/.test(further)) throw new Error(`invalid database name: ${further}`);
      const unique = `${name}_${further}`;
      await admin.unsafe(`CREATE DATABASE ${unique}`);
      created.push(unique);
      return databaseUrl(unique);
    },
    async createAppLogin(url, role = "truce_web") {
      if (role !== "truce_web") throw new Error("a copy of the demo template has only truce_web");
      const login = new URL(url);
      login.username = role;
      return login.toString();
    },
    async stop() {
      try {
        for (const database of created.reverse()) {
          await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        }
      } finally {
        await admin.end();
      }
    },
  };
}

/**
 * A throwaway PostgreSQL database with both roles of a real server, migrated and seeded (as
 * the owner, like `npm run dev`) with the demo programme: a copy of the run's template where
 * a globalSetup made one (DEMO_TEMPLATE_ENV), or else a server of its own.
 */
export async function startDemoDatabase(): Promise<DemoDatabase> {
  const templateUrl = process.env[DEMO_TEMPLATE_ENV];
  if (templateUrl) return openDemo(await copyOfTemplate(templateUrl), false);
  const server = await startPgServer();
  try {
    await runMigrations(server.url);
    return await openDemo(server, true);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function openDemo(server: PgServer, seed: boolean): Promise<DemoDatabase> {
  try {
    const appUrl = await server.createAppLogin(server.url);
    const db = createDb(appUrl);
    const ownerDb = createDb(server.url, { max: 2 });
    if (seed) await seedDemo(ownerDb);
    const agencies = await ownerDb.select({ id: agency.id, kind: agency.kind }).from(agency);
    return {
      server,
      appUrl,
      db,
      ownerDb,
      agencyIds: Object.fromEntries(agencies.map((a) => [a.kind, a.id])),
      async stop() {
        await db.close();
        await ownerDb.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
