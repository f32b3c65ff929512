import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeCallbackPath } from "./redirect";
import { SignInForm, type SignInFormProps } from "./sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

/**
 * The sign-in screen of either app, in the request's language. A signed-in visitor goes on
 * to where they were headed (a path on this origin only).
 */
export async function SignInPage({
  action,
  searchParams,
  isSignedIn,
}: {
  action: SignInFormProps["action"];
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
  isSignedIn: () => Promise<boolean>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await isSignedIn()) redirect(callbackUrl);
  const t = await getTranslations("signIn");
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <SignInForm
        action={action}
        callbackUrl={callbackUrl}
        // next-auth sends the browser back here with ?error= when its own flow fails
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
