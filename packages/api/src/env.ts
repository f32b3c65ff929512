import { z } from "zod";

/** The api package's environment: the only place it reads process.env. */
const schema = z.object({
  /**
   * The apps are served over https (the same setting that makes cookies Secure): the origin
   * check then expects https:// pages, never http://.
   */
  TRUCE_SECURE_COOKIES: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

export const apiEnv = schema.parse(process.env);
