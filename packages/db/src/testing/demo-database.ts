import { createDb, type Db } from "../client";
import { runMigrations } from "../migrate";
import { seedDemo } from "../seed";
import { startPgServer, type PgServer } from "./pg-server";

export interface DemoDatabase {
  server: PgServer;
  db: Db;
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL server, migrated and seeded with the demo programme. */
export async function startDemoDatabase(): Promise<DemoDatabase> {
  const server = await startPgServer();
  try {
    await runMigrations(server.url);
    const db = createDb(server.url);
    await seedDemo(db);
    return {
      server,
      db,
      async stop() {
        await db.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
