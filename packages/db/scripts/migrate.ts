// `npm run db:migrate`: applies the committed migrations to the server, as the owner of the
// tables: DATABASE_MIGRATION_URL, default DATABASE_URL (docs/database-roles.md).
import { dbEnv } from "../src/env";
import { runMigrations } from "../src/migrate";

if (!dbEnv.DATABASE_MIGRATION_URL) {
  console.error(
    "Neither DATABASE_MIGRATION_URL nor DATABASE_URL is set: db:migrate is for a real PostgreSQL server.",
  );
  console.error("The embedded default (npm run dev) migrates itself on start-up.");
  process.exit(1);
}
try {
  await runMigrations(dbEnv.DATABASE_MIGRATION_URL);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
console.log("migrations applied");
