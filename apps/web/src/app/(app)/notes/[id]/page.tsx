import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { NoteView } from "./note-view";

export async function generateMetadata() {
  return { title: (await getTranslations("notes"))("one") };
}

export default async function NotePage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!parsed.success) notFound();
  // A note is read (and logged) with the session's purpose: ask for it before the first read.
  if (!(await currentPurpose())) return <PurposeRequired />;
  return <NoteView id={parsed.data} />;
}
