import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { GroupProfile } from "./group-profile";

export async function generateMetadata() {
  return { title: (await getTranslations("groups.profile"))("title") };
}

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  // A group's profile shows people, and its notes are case content: each read is logged with
  // the session's purpose, so ask for it before the first.
  if (!(await currentPurpose())) return <PurposeRequired />;
  await Promise.all([
    prefetch(trpc.group.byId.queryOptions({ id })),
    prefetch(trpc.note.forGroup.queryOptions({ groupId: id })),
  ]);
  return (
    <HydrateClient>
      <GroupProfile id={id} />
    </HydrateClient>
  );
}
