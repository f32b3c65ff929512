import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { credentialsSchema } from "./sign-in";

export type SignInState = { error: "invalid_credentials" | "no_access" | "unknown" } | null;

type SignInFn = (
  provider: "credentials",
  options: { email: string; password: string; redirect: false },
) => Promise<unknown>;

/**
 * The body of both apps' sign-in server action: validates, signs in through the app's own
 * next-auth instance and turns failures into a code the form can show. Returns null on
 * success (the caller redirects).
 */
export async function signInWithCredentials(
  signIn: SignInFn,
  values: { email: string; password: string },
): Promise<SignInState> {
  const parsed = credentialsSchema.safeParse(values);
  if (!parsed.success) return { error: "invalid_credentials" };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : undefined;
      return { error: code === "no_access" ? "no_access" : "invalid_credentials" };
    }
    console.error("[sign-in] unexpected failure", error);
    return { error: "unknown" };
  }
}

const membershipIdInput = z.string().uuid();

/**
 * The body of both apps' "switch agency" server action: the jwt callback (config.ts)
 * accepts only a membership of this user that fits the app.
 */
export async function switchActiveMembership(
  update: (data: { switchToMembershipId: string }) => Promise<unknown>,
  membershipId: unknown,
): Promise<void> {
  await update({ switchToMembershipId: membershipIdInput.parse(membershipId) });
}
