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
 * A throwaway PostgreSQL server with both roles of a real one, migrated and seeded (as the
 * owner, like `npm run dev`) with the demo programme.
 */
export async function startDemoDatabase(): Promise<DemoDatabase> {
  const server = await startPgServer();
  try {
    await runMigrations(server.url);
    const appUrl = await server.createAppLogin(server.url);
    const db = createDb(appUrl);
    const ownerDb = createDb(server.url, { max: 2 });
    await seedDemo(ownerDb);
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
