import { redirect } from "next/navigation";
import { accountSecurityStatus } from "@truce/auth";
import { AccountSecurityPage } from "@truce/ui/account-security-page";
import { auth } from "~/auth";
import { confirmEnrolmentAction, renewRecoveryCodesAction, startEnrolmentAction } from "./actions";

export { generateMetadata } from "@truce/ui/account-security-page";

export default async function Page() {
  // The page checks the session itself; the layout's redirect is a convenience.
  const status = await accountSecurityStatus(auth);
  if (!status) redirect("/sign-in?callbackUrl=/account/security");
  return (
    <AccountSecurityPage
      status={status}
      actions={{
        start: startEnrolmentAction,
        confirm: confirmEnrolmentAction,
        renewCodes: renewRecoveryCodesAction,
      }}
    />
  );
}
