import { eq } from "@truce/db";
import { conflict } from "@truce/db/schema";
import { AppError } from "../../errors";
import type { ServiceContext } from "../context";
import { findGroup } from "../group/find-group";
import { findVisibleIndividual } from "../individual/find-visible-individual";
import type { CreateNoteInput } from "./schemas";

/** What a note is on: exactly one person, group or conflict, as the note's columns hold it. */
export type NoteSubject = { individualId: string } | { groupId: string } | { conflictId: string };

/**
 * The conflict, or the refusal for no such conflict. Conflicts, like groups, are the
 * register's shared core, with no pending state.
 */
export async function findConflict(
  { db }: ServiceContext,
  conflictId: string,
): Promise<{ id: string }> {
  const [row] = await db
    .select({ id: conflict.id })
    .from(conflict)
    .where(eq(conflict.id, conflictId))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "apiErrors.conflict.notFound");
  return row;
}

/**
 * The subject the input names, if the actor may write on it: a person in their view of the
 * register (otherwise not found, as their profile is), or a group or a conflict that exists.
 */
export async function findNoteSubject(
  ctx: ServiceContext,
  input: Pick<CreateNoteInput, "individualId" | "groupId" | "conflictId">,
): Promise<NoteSubject> {
  if (input.individualId) {
    return { individualId: (await findVisibleIndividual(ctx, input.individualId)).id };
  }
  if (input.groupId) return { groupId: (await findGroup(ctx, input.groupId)).id };
  if (input.conflictId) return { conflictId: (await findConflict(ctx, input.conflictId)).id };
  // The input schema asks for exactly one; this is for a caller that skipped it.
  throw new AppError("INVALID_INPUT", "apiErrors.invalidInput");
}
