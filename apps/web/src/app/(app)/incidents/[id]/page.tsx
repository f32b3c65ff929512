import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { IncidentProfile } from "./incident-profile";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("one") };
}

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  // The incident's parties are people: its read is logged with the session's purpose.
  if (!(await currentPurpose())) return <PurposeRequired />;
  await prefetch(trpc.incident.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <IncidentProfile id={id} />
    </HydrateClient>
  );
}
