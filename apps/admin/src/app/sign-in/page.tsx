import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeCallbackPath } from "@truce/auth";
import { SignInPage } from "@truce/ui/sign-in-page";
import { auth } from "~/auth";
import { signInAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if ((await auth())?.claims) redirect(callbackUrl);
  return <SignInPage action={signInAction} callbackUrl={callbackUrl} hasError={Boolean(params.error)} />;
}
