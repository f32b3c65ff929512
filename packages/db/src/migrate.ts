import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

/** The committed drizzle-kit migrations. */
export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** The PostgreSQL error behind Drizzle's wrapper, if there is one. */
function postgresError(error: unknown): { code?: string; message: string; hint?: string } | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ("code" in e && typeof e.code === "string" && e.code.length === 5) {
      const hint = "hint" in e && typeof e.hint === "string" ? e.hint : undefined;
      return { code: e.code, message: e.message, hint };
    }
  }
  return null;
}

/**
 * Applies every pending migration to the database at `url`, connected as the owner of the
 * tables (DATABASE_MIGRATION_URL): the apps' role may not change the schema.
 */
export async function runMigrations(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
  } catch (error) {
    const cause = postgresError(error);
    if (cause?.code === "42501") {
      // insufficient_privilege. With a hint, the migration's own words (no role to create);
      // without, most often the apps' role in place of the owner.
      throw new Error(
        cause.hint
          ? `${cause.message} ${cause.hint}`
          : `The migrations were refused (${cause.message}): they must run as the owner of the ` +
              "tables. Set DATABASE_MIGRATION_URL to the owner's connection string (DATABASE_URL " +
              "is the apps' role); see docs/database-roles.md.",
        { cause: error },
      );
    }
    throw error;
  } finally {
    await client.end({ timeout: 5 });
  }
}
