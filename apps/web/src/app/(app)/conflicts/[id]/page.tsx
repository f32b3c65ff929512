import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { ConflictProfile } from "./conflict-profile";

export async function generateMetadata() {
  return { title: (await getTranslations("conflicts.profile"))("title") };
}

export default async function ConflictPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  // A conflict's profile shows people and interventions: its read is logged with the purpose.
  if (!(await currentPurpose())) return <PurposeRequired />;
  await Promise.all([
    prefetch(trpc.conflict.byId.queryOptions({ id })),
    prefetch(trpc.note.forConflict.queryOptions({ conflictId: id })),
  ]);
  return (
    <HydrateClient>
      <ConflictProfile id={id} />
    </HydrateClient>
  );
}
