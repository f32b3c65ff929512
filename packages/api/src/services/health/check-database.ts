import { sql, type DbOrTx } from "@truce/db";

/** Whether the database answers: all a health check says, to anyone. */
export async function checkDatabase(db: DbOrTx): Promise<{ ok: true }> {
  await db.execute(sql`select 1`);
  return { ok: true };
}
