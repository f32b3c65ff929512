import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
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
  return <NoteView id={parsed.data} />;
}
