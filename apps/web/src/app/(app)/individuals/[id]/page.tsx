import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { HydrateClient, prefetch, prefetchInfinite, trpc } from "~/trpc/server";
import { IndividualProfile } from "./individual-profile";
import { nextTimelinePage, timelineInput } from "./timeline-query";

export async function generateMetadata() {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function IndividualPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  // Every read of a person's case is logged with its purpose: ask for it before the first.
  if (!(await currentPurpose())) return <PurposeRequired />;
  await Promise.all([
    prefetch(trpc.individual.byId.queryOptions({ id })),
    prefetch(trpc.individual.connections.queryOptions({ individualId: id })),
    prefetchInfinite(
      trpc.individual.timeline.infiniteQueryOptions(timelineInput(id), {
        getNextPageParam: nextTimelinePage,
      }),
    ),
  ]);
  return (
    <HydrateClient>
      <IndividualProfile id={id} />
    </HydrateClient>
  );
}
