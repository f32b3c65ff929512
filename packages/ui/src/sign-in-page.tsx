import { getTranslations } from "next-intl/server";
import { SignInForm, type SignInFormProps } from "./sign-in-form";

/** The sign-in screen of either app, in the request's language. */
export async function SignInPage({
  action,
  callbackUrl,
  hasError,
}: {
  action: SignInFormProps["action"];
  callbackUrl: string;
  /** next-auth sent the browser back with an error in the URL. */
  hasError: boolean;
}) {
  const t = await getTranslations("signIn");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <SignInForm
        action={action}
        callbackUrl={callbackUrl}
        initialError={hasError ? "invalid_credentials" : null}
        labels={{
          title: t("title"),
          description: t("description"),
          email: t("email"),
          password: t("password"),
          submit: t("submit"),
          submitting: t("submitting"),
          invalidEmail: t("validation.email"),
          missingPassword: t("validation.password"),
          errors: {
            invalid_credentials: t("errors.invalid_credentials"),
            no_access: t("errors.no_access"),
            unknown: t("errors.unknown"),
          },
        }}
      />
    </main>
  );
}
