import type { Actor } from "@truce/auth/actor";
import { and, desc, eq, type DbOrTx } from "@truce/db";
import { agency, individual, note } from "@truce/db/schema";
import { individualScope, noteContentScope } from "../../policy";

const noteColumns = {
  id: note.id,
  individualId: note.individualId,
  body: note.body,
  kind: note.kind,
  visibility: note.visibility,
  authorAgencyName: agency.name,
  createdAt: note.createdAt,
};

/** The notes on a person that the actor may read; the others are never fetched. */
export async function listNotesForIndividual(db: DbOrTx, actor: Actor, individualId: string) {
  return db
    .select(noteColumns)
    .from(note)
    .innerJoin(agency, eq(agency.id, note.authorAgencyId))
    .innerJoin(individual, eq(individual.id, note.individualId))
    .where(
      and(eq(note.individualId, individualId), individualScope(actor), noteContentScope(actor)),
    )
    .orderBy(desc(note.createdAt), desc(note.id));
}

/** One note by id, or null when it is not the actor's to read. */
export async function findReadableNote(db: DbOrTx, actor: Actor, noteId: string) {
  const [row] = await db
    .select(noteColumns)
    .from(note)
    .innerJoin(agency, eq(agency.id, note.authorAgencyId))
    .leftJoin(individual, eq(individual.id, note.individualId))
    .where(and(eq(note.id, noteId), noteContentScope(actor)))
    .limit(1);
  return row ?? null;
}
