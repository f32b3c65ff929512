import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { SignInStage } from "@truce/auth";
import { safeCallbackPath } from "./redirect";
import { Card, CardContent, CardHeader, CardTitle } from "./card";
import { SignInForm, type SignInFormProps } from "./sign-in-form";
import {
  EnrolmentStep,
  RecoveryCodeList,
  SecondStepForm,
  type CodeState,
  type EnrolmentLabels,
  type EnrolmentView,
} from "./two-factor";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

/** The app's server actions for signing in (packages/auth next-actions.ts). */
export interface SignInActions {
  /** The password step; redirects back here when the password was right. */
  signIn: SignInFormProps["action"];
  /** The second step; redirects on success, or back here when the sign-in must start over. */
  verifyCode: (state: CodeState, form: FormData) => Promise<CodeState>;
  /** Shows the QR code to a user who must enrol before their first session. */
  startEnrolment: () => Promise<EnrolmentView | null>;
  /** Confirms the new app; redirects back here, which then shows the recovery codes. */
  confirmEnrolment: (state: CodeState, form: FormData) => Promise<CodeState>;
  /** Abandons a pending sign-in. */
  cancel: () => Promise<void>;
  /** The recovery codes made when this session set up its app, until they are saved. */
  codesToShow: () => Promise<{ codes: string[] } | null>;
  /** The codes are saved: on to where the person was going. */
  codesSaved: () => Promise<void>;
}

export async function enrolmentLabels(): Promise<EnrolmentLabels> {
  const t = await getTranslations("twoFactor");
  return {
    scan: t("scan"),
    qrAlt: t("qrAlt"),
    secret: t("secret"),
    code: t("code"),
    submit: t("confirm"),
    submitting: t("confirming"),
    validation: t("validation"),
    errors: {
      invalid_code: t("errors.invalid_code"),
      unknown: t("errors.unknown"),
    },
    codesTitle: t("codesTitle"),
    codesDescription: t("codesDescription"),
    continue: t("continue"),
  };
}

/**
 * The sign-in screen of either app, in the request's language, at whichever step the
 * session is: the password, the code from the authenticator app, or setting the app up.
 * A signed-in visitor goes on to where they were headed (a path on this origin only).
 */
export async function SignInPage({
  actions,
  searchParams,
  stage,
}: {
  actions: SignInActions;
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
  stage: () => Promise<SignInStage>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const current = await stage();
  const t = await getTranslations("signIn");
  if (current === "signed_in") {
    // Just set up the authenticator app here: its recovery codes first, once.
    const shown = await actions.codesToShow();
    if (!shown) redirect(callbackUrl);
    return (
      <main className="flex min-h-screen items-center justify-center p-4">
        <Card className="w-full max-w-md">
          <CardHeader>
            <CardTitle as="h1">{t("enrol.done")}</CardTitle>
          </CardHeader>
          <CardContent>
            <RecoveryCodeList
              codes={shown.codes}
              labels={await enrolmentLabels()}
              saved={actions.codesSaved}
            />
          </CardContent>
        </Card>
      </main>
    );
  }

  let content;
  if (current === "totp") {
    content = (
      <SecondStepForm
        verify={actions.verifyCode}
        callbackUrl={callbackUrl}
        cancel={actions.cancel}
        labels={{
          title: t("secondStep.title"),
          description: t("secondStep.description"),
          code: t("secondStep.code"),
          submit: t("secondStep.submit"),
          submitting: t("secondStep.submitting"),
          validation: t("secondStep.validation"),
          cancel: t("secondStep.cancel"),
          errors: {
            invalid_code: t("secondStep.errors.invalid_code"),
            unknown: t("secondStep.errors.unknown"),
          },
        }}
      />
    );
  }
  const enrolment = current === "enrol" ? await actions.startEnrolment() : null;
  if (enrolment) {
    content = (
      <EnrolmentStep
        title={t("enrol.title")}
        description={t("enrol.description")}
        enrolment={enrolment}
        confirm={actions.confirmEnrolment}
        cancel={actions.cancel}
        cancelLabel={t("secondStep.cancel")}
        callbackUrl={callbackUrl}
        labels={await enrolmentLabels()}
      />
    );
  }
  content ??= (
    <SignInForm
      action={actions.signIn}
      callbackUrl={callbackUrl}
      // next-auth, or a second step that had to start over, sends the browser back here
      // with ?error=; every such failure shows the one generic message
      initialError={params.error ? "invalid_credentials" : null}
      labels={{
        title: t("title"),
        description: t("description"),
        email: t("email"),
        password: t("password"),
        submit: t("submit"),
        submitting: t("submitting"),
        invalidEmail: t("validation.email"),
        missingPassword: t("validation.password"),
        lockoutHint: t("lockoutHint"),
        errors: {
          invalid_credentials: t("errors.invalid_credentials"),
          no_access: t("errors.no_access"),
          unknown: t("errors.unknown"),
        },
      }}
    />
  );
  return <main className="flex min-h-screen items-center justify-center p-4">{content}</main>;
}
