import { z } from "zod";

/**
 * The dev orchestrator's own environment (the database settings are in src/env.ts).
 * AUTH_SECRET belongs to the apps: the orchestrator only passes it on, or makes a local one.
 */
const schema = z.object({
  AUTH_SECRET: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
  /** "1": start the database (migrated and seeded) and keep serving it, without the apps. */
  TRUCE_DEV_NO_APPS: z
    .enum(["", "0", "1", "false", "true"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
});

export const devEnv = schema.parse(process.env);

/**
 * The environment of an app's dev server: ours, plus what the orchestrator decided, without
 * the owner's connection string (the apps connect as the app role, DATABASE_URL).
 */
export function appEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_MIGRATION_URL: _owner, ...inherited } = process.env;
  return { ...inherited, ...extra };
}
