import { z } from "zod";

/** The database package's environment: the only place it reads process.env. */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// connection string")
    .optional(),
  /** Local untracked state, default `<repo>/.data`: the embedded database (`pglite/`), `auth-secret`. */
  TRUCE_DATA_DIR: z.string().optional(),
  /** Port of the embedded database server that `npm run dev` starts when DATABASE_URL is unset. */
  TRUCE_DB_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
});

export const dbEnv = schema.parse(process.env);
