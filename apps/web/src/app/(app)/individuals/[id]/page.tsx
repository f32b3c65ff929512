import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@truce/ui";
import { currentPurpose, PURPOSES } from "~/components/purpose";
import { PurposeChooser } from "~/components/purpose-menu";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { IndividualProfile } from "./individual-profile";

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
  if (!(await currentPurpose())) {
    // Every profile read is logged with its purpose: ask for it before the first one.
    const t = await getTranslations("purpose");
    return (
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle as="h1">{t("requiredTitle")}</CardTitle>
          <CardDescription>{t("requiredDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <PurposeChooser
            options={PURPOSES.map((value) => ({ value, label: t(`options.${value}`) }))}
          />
        </CardContent>
      </Card>
    );
  }
  void prefetch(trpc.individual.byId.queryOptions({ id }));
  void prefetch(trpc.note.forIndividual.queryOptions({ individualId: id }));
  void prefetch(trpc.intervention.forIndividual.queryOptions({ individualId: id }));
  return (
    <HydrateClient>
      <IndividualProfile id={id} />
    </HydrateClient>
  );
}
