import { and, desc, eq } from "@truce/db";
import { agency, note } from "@truce/db/schema";
import { recordRead, type CaseContentContext } from "../../case-read";
import { noteReadableScope } from "../../policy";
import { inTransaction, type ServiceContext } from "../context";
import { findVisibleIndividual } from "../individual/find-visible-individual";
import { findGroup } from "../group/find-group";
import { findConflict } from "./note-subject";
import type {
  ListNotesForConflictInput,
  ListNotesForGroupInput,
  ListNotesForIndividualInput,
} from "./schemas";

const noteColumns = {
  id: note.id,
  individualId: note.individualId,
  groupId: note.groupId,
  conflictId: note.conflictId,
  body: note.body,
  kind: note.kind,
  visibility: note.visibility,
  authorAgencyName: agency.name,
  createdAt: note.createdAt,
};

/**
 * The notes on a person that the actor may read (the others are never fetched), and the
 * read in the access log, in one transaction. A person the actor cannot see is refused as
 * not found, as their profile is.
 */
export async function listNotesForIndividual(
  ctx: CaseContentContext,
  input: ListNotesForIndividualInput,
) {
  return inTransaction(ctx, async (tx) => {
    const subject = await findVisibleIndividual(tx, input.individualId);
    const rows = await tx.db
      .select(noteColumns)
      .from(note)
      .innerJoin(agency, eq(agency.id, note.authorAgencyId))
      .where(and(eq(note.individualId, subject.id), noteReadableScope(tx.actor)))
      .orderBy(desc(note.createdAt), desc(note.id));
    await recordRead(tx, {
      entityType: "individual",
      entityId: subject.id,
      detail: { view: "notes", noteIds: rows.map((n) => n.id) },
    });
    return rows;
  });
}

/**
 * The notes on a group that the actor may read, newest first, and the read in the access log,
 * in one transaction. Social services' stay within the agency: a group is no one who could
 * consent (noteReadableScope).
 */
export async function listNotesForGroup(ctx: CaseContentContext, input: ListNotesForGroupInput) {
  return inTransaction(ctx, async (tx) => {
    const subject = await findGroup(tx, input.groupId);
    const rows = await tx.db
      .select(noteColumns)
      .from(note)
      .innerJoin(agency, eq(agency.id, note.authorAgencyId))
      .where(and(eq(note.groupId, subject.id), noteReadableScope(tx.actor)))
      .orderBy(desc(note.createdAt), desc(note.id));
    await recordRead(tx, {
      entityType: "group",
      entityId: subject.id,
      detail: { view: "notes", noteIds: rows.map((n) => n.id) },
    });
    return rows;
  });
}

/** The notes on a conflict that the actor may read, as on a group (listNotesForGroup). */
export async function listNotesForConflict(
  ctx: CaseContentContext,
  input: ListNotesForConflictInput,
) {
  return inTransaction(ctx, async (tx) => {
    const subject = await findConflict(tx, input.conflictId);
    const rows = await tx.db
      .select(noteColumns)
      .from(note)
      .innerJoin(agency, eq(agency.id, note.authorAgencyId))
      .where(and(eq(note.conflictId, subject.id), noteReadableScope(tx.actor)))
      .orderBy(desc(note.createdAt), desc(note.id));
    await recordRead(tx, {
      entityType: "conflict",
      entityId: subject.id,
      detail: { view: "notes", noteIds: rows.map((n) => n.id) },
    });
    return rows;
  });
}

/** One note by id, or null when it is not the actor's to read: the list's very condition. */
export async function findReadableNote({ db, actor }: ServiceContext, noteId: string) {
  const [row] = await db
    .select(noteColumns)
    .from(note)
    .innerJoin(agency, eq(agency.id, note.authorAgencyId))
    .where(and(eq(note.id, noteId), noteReadableScope(actor)))
    .limit(1);
  return row ?? null;
}
