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
   * Set by the apps' HTTP server (packages/ui/src/server/serve.mjs) for its own process: the
   * header under which it passes on the client's address (client-address.ts).
   */
  TRUCE_CLIENT_ADDRESS_HEADER: z
    .string()
    .regex(/^x-truce-client-address-[0-9a-f]{24}$/)
    .optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export const authEnv = schema.parse(process.env);
