import { signInStage } from "@truce/auth";
import { SignInPage } from "@truce/ui/sign-in-page";
import { auth } from "~/auth";
import * as actions from "./actions";

export { generateMetadata } from "@truce/ui/sign-in-page";

export default function Page({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  return (
    <SignInPage
      actions={{
        signIn: actions.signInAction,
        verifyCode: actions.verifyCodeAction,
        startEnrolment: actions.startEnrolmentAction,
        confirmEnrolment: actions.confirmEnrolmentAction,
        cancel: actions.cancelSignInAction,
        codesToShow: actions.codesToShowAction,
        codesSaved: actions.codesSavedAction,
      }}
      searchParams={searchParams}
      stage={() => signInStage(auth)}
    />
  );
}
