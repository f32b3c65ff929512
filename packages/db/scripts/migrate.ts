// `npm run db:migrate`: applies the committed migrations to the server in DATABASE_URL.
import { dbEnv } from "../src/env";
import { runMigrations } from "../src/migrate";

if (!dbEnv.DATABASE_URL) {
  console.error("DATABASE_URL is not set: db:migrate is for a real PostgreSQL server.");
  console.error("The embedded default (npm run dev) migrates itself on start-up.");
  process.exit(1);
}
await runMigrations(dbEnv.DATABASE_URL);
console.log("migrations applied");
