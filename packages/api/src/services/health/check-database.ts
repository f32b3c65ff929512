import { sql } from "@truce/db";
import type { ServiceContext } from "../context";

/**
 * Whether the database answers: all a health check says, to anyone, so it asks for the
 * database alone (a load balancer's probe has no actor).
 */
export async function checkDatabase({ db }: Pick<ServiceContext, "db">): Promise<{ ok: true }> {
  await db.execute(sql`select 1`);
  return { ok: true };
}
