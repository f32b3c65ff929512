import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@truce/ui";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { InterventionForm, type Prefill } from "./intervention-form";

export async function generateMetadata() {
  return { title: (await getTranslations("interventions"))("recordTitle") };
}

const id = z.uuid().optional().catch(undefined);
const prefillOf = z.object({ individualId: id, groupId: id, conflictId: id });

export default async function RecordInterventionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const prefill: Prefill = prefillOf.parse(await searchParams);
  // The person it starts from is read by their profile's read, logged with the purpose.
  if (prefill.individualId && !(await currentPurpose())) return <PurposeRequired />;
  await Promise.all([
    prefetch(trpc.intervention.formOptions.queryOptions()),
    prefetch(trpc.session.me.queryOptions()),
    prefill.individualId
      ? prefetch(trpc.individual.byId.queryOptions({ id: prefill.individualId }))
      : null,
  ]);
  const t = await getTranslations("interventions");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("recordTitle")} description={t("recordDescription")} />
      <HydrateClient>
        <InterventionForm prefill={prefill} />
      </HydrateClient>
    </div>
  );
}
