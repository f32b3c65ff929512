import { z } from "zod";

const postgresUrl = (name: string) =>
  z
    .string()
    .regex(/^postgres(ql)?:\/\//, `${name} must be a postgres:// connection string`)
    .optional();

/** The database package's environment: the only place it reads process.env. */
const schema = z
  .object({
    /** What the apps connect as: a member of truce_app, owning nothing (docs/database-roles.md). */
    DATABASE_URL: postgresUrl("DATABASE_URL"),
    /**
     * The owner of the tables: runs the migrations (`npm run db:migrate`, the start of
     * `npm run dev`), the dev seed and `npm run audit:verify`. Default: DATABASE_URL.
     */
    DATABASE_MIGRATION_URL: postgresUrl("DATABASE_MIGRATION_URL"),
    /** Local untracked state, default `<repo>/.data`: the embedded database (`pglite/`), `auth-secret`. */
    TRUCE_DATA_DIR: z.string().optional(),
    /** Port of the embedded database server that `npm run dev` starts when DATABASE_URL is unset. */
    TRUCE_DB_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  })
  .transform((env) => ({
    ...env,
    DATABASE_MIGRATION_URL: env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL,
  }));

export const dbEnv = schema.parse(process.env);
