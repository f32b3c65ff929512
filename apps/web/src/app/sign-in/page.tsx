import { SignInPage } from "@truce/ui/sign-in-page";
import { auth } from "~/auth";
import { signInAction } from "./actions";

export { generateMetadata } from "@truce/ui/sign-in-page";

export default function Page({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const isSignedIn = async () => Boolean((await auth())?.claims);
  return <SignInPage action={signInAction} searchParams={searchParams} isSignedIn={isSignedIn} />;
}
