import { redirect } from "next/navigation";
import { accountSecurityStatus } from "@truce/auth";
import { AccountSecurityPage } from "@truce/ui/account-security-page";
import { auth } from "~/auth";
import { changeAction, codesSavedAction, codesToShowAction } from "./actions";

export { generateMetadata } from "@truce/ui/account-security-page";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ change?: string; signedOut?: string }>;
}) {
  // The page checks the session itself; the layout's redirect is a convenience.
  const status = await accountSecurityStatus(auth);
  if (!status) redirect("/sign-in?callbackUrl=/account/security");
  return (
    <AccountSecurityPage
      status={status}
      searchParams={searchParams}
      actions={{
        change: changeAction,
        codesToShow: codesToShowAction,
        codesSaved: codesSavedAction,
      }}
    />
  );
}
