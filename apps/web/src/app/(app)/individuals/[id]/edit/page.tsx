import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { EditForm } from "./edit-form";

export async function generateMetadata() {
  return { title: (await getTranslations("personForm"))("editTitle") };
}

export default async function EditPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  // The form shows the person's record: a read of their case, logged with its purpose.
  if (!(await currentPurpose())) return <PurposeRequired />;
  await Promise.all([
    prefetch(trpc.individual.byId.queryOptions({ id })),
    prefetch(trpc.individual.formOptions.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <EditForm id={id} />
    </HydrateClient>
  );
}
