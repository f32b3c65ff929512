import { afterAll, beforeAll } from "vitest";
import { eq } from "@truce/db";
import { agency, membership, totpCredential, user } from "@truce/db/schema";
import { DEMO_PASSWORD_HASH, DEMO_TOTP_SECRET } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";

/**
 * For a test file: a throwaway demo database (started before its tests, stopped after),
 * and police officers of each test's own, so no test locks an account another one uses.
 */
export function demoDatabaseForTests(prefix: string) {
  let demo: DemoDatabase | undefined;
  let policeId = "";
  let counter = 0;
  beforeAll(async () => {
    demo = await startDemoDatabase();
    const [police] = await demo.db.select().from(agency).where(eq(agency.kind, "police"));
    policeId = police!.id;
  });
  afterAll(async () => {
    await demo?.stop();
  });
  const started = () => {
    if (!demo) throw new Error("the demo database is started in beforeAll");
    return demo;
  };
  return {
    get demo() {
      return started();
    },
    /** A police officer with the demo password; `enrolled`: with the demo TOTP secret too. */
    async newUser(options: { enrolled?: boolean } = {}): Promise<{ email: string; id: string }> {
      const { db } = started();
      const email = `${prefix}.${++counter}@truce.example`;
      const [created] = await db
        .insert(user)
        .values({ email, name: `${prefix} ${counter}`, passwordHash: DEMO_PASSWORD_HASH })
        .returning();
      await db
        .insert(membership)
        .values({ userId: created!.id, agencyId: policeId, role: "staff" });
      if (options.enrolled) {
        await db
          .insert(totpCredential)
          .values({ userId: created!.id, secret: DEMO_TOTP_SECRET, confirmedAt: new Date(0) });
      }
      return { email, id: created!.id };
    },
  };
}
