/**
 * Services compose: a caller opens one transaction and calls several services inside it,
 * and gets all of their rows (the access-log rows with them) or none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@truce/auth/actor";
import { and, eq, inArray } from "@truce/db";
import { accessLog, individual, note } from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { claimsFor } from "../test-actors";
import { inTransaction, type ServiceContext } from "./context";
import { createNote } from "./note/create-note";

let demo: DemoDatabase;
let ctx: ServiceContext;
let personId: string;

beforeAll(async () => {
  demo = await startDemoDatabase();
  const actor = await loadActor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
  if (!actor) throw new Error("the demo police officer has no session");
  ctx = { db: demo.db, actor, purpose: null };
  const [person] = await demo.db
    .select({ id: individual.id })
    .from(individual)
    .where(eq(individual.registrationStatus, "approved"))
    .limit(1);
  personId = person!.id;
});
afterAll(async () => {
  await demo?.stop();
});

/** The notes with these bodies, and the access-log rows that record their creation. */
async function stored(bodies: string[]) {
  const notes = await demo.db
    .select({ id: note.id, body: note.body })
    .from(note)
    .where(inArray(note.body, bodies));
  const logged = notes.length
    ? await demo.db
        .select({ entityId: accessLog.entityId })
        .from(accessLog)
        .where(
          and(
            eq(accessLog.action, "create"),
            eq(accessLog.entityType, "note"),
            inArray(
              accessLog.entityId,
              notes.map((n) => n.id),
            ),
          ),
        )
    : [];
  return { bodies: notes.map((n) => n.body).sort(), logged: logged.length };
}

const noteOn = (individualId: string, body: string) =>
  ({ individualId, body, kind: "fact", visibility: "agency" }) as const;

describe("services in one caller's transaction", () => {
  it("commit together: both notes and both access-log rows", async () => {
    const bodies = [`Composed A ${crypto.randomUUID()}`, `Composed B ${crypto.randomUUID()}`];
    await inTransaction(ctx, async (tx) => {
      await createNote(tx, noteOn(personId, bodies[0]!));
      await createNote(tx, noteOn(personId, bodies[1]!));
    });
    expect(await stored(bodies)).toEqual({ bodies: [...bodies].sort(), logged: 2 });
  });

  it("roll back together when a later step fails: no note, no access-log row", async () => {
    const body = `Rolled back ${crypto.randomUUID()}`;
    await expect(
      inTransaction(ctx, async (tx) => {
        await createNote(tx, noteOn(personId, body));
        // No such person: the second service refuses, after the first has written its rows.
        await createNote(tx, noteOn(crypto.randomUUID(), "Nobody."));
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", key: "apiErrors.individual.notFound" });
    expect(await stored([body])).toEqual({ bodies: [], logged: 0 });
  });

  it("write the access-log rows last, when the caller's work is done, so no lock follows the log's", async () => {
    const body = `Logged last ${crypto.randomUUID()}`;
    const loggedInside = await inTransaction(ctx, async (tx) => {
      const created = await createNote(tx, noteOn(personId, body));
      return tx.db
        .select({ id: accessLog.id })
        .from(accessLog)
        .where(eq(accessLog.entityId, created.id));
    });
    expect(loggedInside).toEqual([]);
    expect(await stored([body])).toEqual({ bodies: [body], logged: 1 });
  });

  it("undo only the failed service's rows when the caller catches its error and carries on", async () => {
    const kept = `Kept ${crypto.randomUUID()}`;
    const undone = `Undone ${crypto.randomUUID()}`;
    await inTransaction(ctx, async (tx) => {
      await createNote(tx, noteOn(personId, kept));
      await inTransaction(tx, async (inner) => {
        await createNote(inner, noteOn(personId, undone));
        throw new Error("the step after the note fails");
      }).catch(() => undefined);
    });
    expect(await stored([kept, undone])).toEqual({ bodies: [kept], logged: 1 });
  });
});
