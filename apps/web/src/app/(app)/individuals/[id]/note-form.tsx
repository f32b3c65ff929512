"use client";

import { useQueryClient } from "@tanstack/react-query";
import { NoteForm as SubjectNoteForm } from "~/components/note-form";
import { useTRPC } from "~/trpc/react";

/** A new note on a person; once saved it is at the top of the person's timeline. */
export function NoteForm({ individualId }: { individualId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <SubjectNoteForm
      subject={{ individualId }}
      onSaved={() =>
        queryClient.invalidateQueries(
          trpc.individual.timeline.infiniteQueryFilter({ individualId }),
        )
      }
    />
  );
}
