import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { InterventionProfile } from "./intervention-profile";

export async function generateMetadata() {
  return { title: (await getTranslations("interventions"))("one") };
}

export default async function InterventionPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  // An intervention is case content about its people: its read is logged with the purpose.
  if (!(await currentPurpose())) return <PurposeRequired />;
  await prefetch(trpc.intervention.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <InterventionProfile id={id} />
    </HydrateClient>
  );
}
