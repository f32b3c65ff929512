import { z } from "zod";

/** The ui package's environment (the apps' shared Next.js glue): the only place it reads process.env. */
const schema = z.object({
  /** Served over https: responses carry Strict-Transport-Security. */
  TRUCE_SECURE_COOKIES: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export const uiEnv = schema.parse(process.env);
