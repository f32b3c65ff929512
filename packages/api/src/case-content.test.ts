/**
 * Case content is read only with a purpose, and every read is in the access log: proved over
 * every procedure of each app, enumerated from the apps' routers themselves. A procedure declared as
 * case content (built with `caseContentProcedure`) refuses without the session's purpose and
 * logs each read with it; every other procedure returns none of the demo data's case content
 * to anyone, so a new procedure that returns content without the builder fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyTRPCProcedure } from "@trpc/server";
import type { TruceApp } from "@truce/auth/actor";
import { and, eq, gt, sql } from "@truce/db";
import { accessLog, user } from "@truce/db/schema";
import { DEMO_USERS } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import {
  APP_PROCEDURE_PATHS,
  invokeProcedure,
  loadProcedureFixtures,
  PROCEDURE_INPUTS,
  type ProcedureFixtures,
} from "./procedure-inputs";
import { PURPOSE_COOKIE } from "./purpose";
import { appRouters } from "./root";
import { appCallerFor, claimsFor } from "./test-actors";
import {
  caseContentProcedure,
  createCallerFactory,
  createTRPCContext,
  createTRPCRouter,
  type Meta,
} from "./trpc";

let demo: DemoDatabase;
let fixtures: ProcedureFixtures;
/** Every text of the demo data that is case content about a person, or sensitive about them. */
let caseContent: string[];

beforeAll(async () => {
  demo = await startDemoDatabase();
  fixtures = await loadProcedureFixtures(demo.db);
  const rows = await demo.db.execute<{ text: string }>(sql`
    select body as text from note
    union select summary from intervention
    union select result from intervention
    union select message from intervention
    union select registration_reason from individual
    union select date_of_birth::text from individual
    union select national_id from individual
    union select current_location from individual where protected_location
    union select note from referral
    union select note from outcome
    union select source from group_membership
    union select summary from incident`);
  caseContent = rows.map((r) => r.text).filter((text): text is string => Boolean(text));
});
afterAll(async () => {
  await demo?.stop();
});

const isCaseContent = (app: TruceApp, path: string) => {
  const procedures: Record<string, unknown> = appRouters[app]._def.procedures;
  const meta = (procedures[path] as AnyTRPCProcedure | undefined)?._def.meta as Meta | undefined;
  return meta?.caseContent === true;
};
/** Every procedure of each app, as the app serves it. */
const appProcedures = (Object.keys(APP_PROCEDURE_PATHS) as TruceApp[]).flatMap((app) =>
  APP_PROCEDURE_PATHS[app].map((path) => ({ app, path })),
);
const caseContentProcedures = appProcedures.filter((p) => isCaseContent(p.app, p.path));
const otherProcedures = appProcedures.filter((p) => !isCaseContent(p.app, p.path));

const READER = "police.staff@truce.example";

/** The access-log rows written after `afterId` for the user. */
async function logRowsSince(afterId: number, email: string) {
  const [reader] = await demo.db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return demo.db
    .select()
    .from(accessLog)
    .where(and(gt(accessLog.id, afterId), eq(accessLog.userId, reader!.id)));
}

async function lastLogId(): Promise<number> {
  const [row] = await demo.db
    .select({ id: sql<number>`coalesce(max(${accessLog.id}), 0)::int` })
    .from(accessLog);
  return row!.id;
}

/** The case content found in a procedure's output. */
function contentIn(output: unknown): string[] {
  const text = JSON.stringify(output ?? null);
  return caseContent.filter((content) => text.includes(content));
}

describe("case content", () => {
  it("is what the web app's reads of a person's case declare, and nothing the admin app serves", () => {
    expect(caseContentProcedures.map((p) => `${p.app}: ${p.path}`)).toEqual([
      "web: conflict.byId",
      "web: group.byId",
      "web: incident.byId",
      "web: individual.byId",
      "web: individual.connections",
      "web: individual.timeline",
      "web: intervention.byId",
      "web: intervention.forIndividual",
      "web: note.byId",
      "web: note.forConflict",
      "web: note.forGroup",
      "web: note.forIndividual",
      "web: referral.list",
    ]);
  });

  for (const { app, path } of caseContentProcedures) {
    it(`${app}: ${path} refuses a read without the session's purpose, and logs nothing`, async () => {
      const before = await lastLogId();
      const caller = await appCallerFor(app, demo.db, await claimsFor(demo.db, READER), {});
      await expect(
        invokeProcedure(caller, path, await PROCEDURE_INPUTS[path]!(fixtures)),
      ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
      expect(await logRowsSince(before, READER)).toEqual([]);
    });

    it(`${app}: ${path} returns content, and writes the read to the access log with the session's purpose`, async () => {
      const before = await lastLogId();
      const caller = await appCallerFor(app, demo.db, await claimsFor(demo.db, READER), {
        purpose: "coordination_meeting",
      });
      const output = await invokeProcedure(caller, path, await PROCEDURE_INPUTS[path]!(fixtures));
      // It returns content the check below would find, were it not declared case content.
      expect(contentIn(output).length).toBeGreaterThan(0);
      const logged = await logRowsSince(before, READER);
      expect(logged.length).toBeGreaterThan(0);
      for (const row of logged) {
        expect(row).toMatchObject({ action: "read", purpose: "coordination_meeting" });
        expect(row.entityId).toBeTruthy();
        // The log says what was read, never the content itself.
        expect(contentIn(row)).toEqual([]);
      }
    });
  }

  for (const { app, path } of otherProcedures) {
    it(`${app}: ${path}, not declared case content, returns none to anyone`, async () => {
      let answered = 0;
      const sessions = [
        null,
        ...(await Promise.all(
          DEMO_USERS.flatMap((u) => [
            claimsFor(demo.db, u.email, "web"),
            claimsFor(demo.db, u.email, "admin"),
          ]),
        )),
      ];
      for (const claims of sessions) {
        const caller = await appCallerFor(app, demo.db, claims);
        const output = await invokeProcedure(
          caller,
          path,
          await PROCEDURE_INPUTS[path]!(fixtures),
        ).then(
          (value) => ({ value }),
          () => null,
        );
        if (!output) continue;
        answered++;
        expect(contentIn(output.value), `${path} as ${claims?.userId ?? "anonymous"}`).toEqual([]);
      }
      // The check is not vacuous: someone may call it with this input.
      expect(answered).toBeGreaterThan(0);
    });
  }
});

describe("the case-content procedure builder", () => {
  const contextFor = async (purpose: string | null) => {
    const headers = new Headers();
    if (purpose) headers.set("cookie", `${PURPOSE_COOKIE}=${purpose}`);
    return createTRPCContext({
      db: demo.db,
      claims: await claimsFor(demo.db, READER),
      headers,
    });
  };

  it("fails a call that returns case content without recording the read, instead of returning it", async () => {
    const forgetful = createTRPCRouter({
      read: caseContentProcedure("note.read").query(() => ({ body: "Never reaches the caller." })),
    });
    const caller = createCallerFactory(forgetful)(await contextFor("case_work"));
    await expect(caller.read()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
  });

  it("never runs the resolver without a purpose", async () => {
    let ran = false;
    const router = createTRPCRouter({
      read: caseContentProcedure("note.read").query(({ ctx }) => {
        ran = true;
        return ctx.purpose;
      }),
    });
    const caller = createCallerFactory(router)(await contextFor(null));
    await expect(caller.read()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(ran).toBe(false);
  });
});
