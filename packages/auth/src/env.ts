import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

/** The auth package's environment: the only place it reads process.env. */
const schema = z.object({
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** Set when the apps are served over https: cookies become Secure and __Secure- prefixed. */
  TRUCE_SECURE_COOKIES: flag,
  /**
   * How many reverse proxies in front of the apps append to X-Forwarded-For; the client's
   * address is that many entries from the right (docs/security.md).
   */
  TRUCE_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export const authEnv = schema.parse(process.env);
