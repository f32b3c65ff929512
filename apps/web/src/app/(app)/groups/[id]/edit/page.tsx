import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { EditForm } from "./edit-form";

export async function generateMetadata() {
  return { title: (await getTranslations("groups.form"))("editTitle") };
}

export default async function EditGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  // The form reads the group's profile, which shows people: logged with its purpose.
  if (!(await currentPurpose())) return <PurposeRequired />;
  await prefetch(trpc.group.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <EditForm id={id} />
    </HydrateClient>
  );
}
