"use server";

import { createSignInActions } from "@truce/auth";
import { safeCallbackPath } from "@truce/ui/redirect";
import { auth, signIn, signOut, unstable_update } from "~/auth";

// The steps of signing in to this app; what each does is in packages/auth (next-actions.ts).
const steps = createSignInActions({
  auth,
  signIn,
  signOut,
  update: unstable_update,
  safeCallbackPath,
});

export async function signInAction(values: Parameters<typeof steps.signIn>[0]) {
  return steps.signIn(values);
}

export async function verifyCodeAction(values: Parameters<typeof steps.verifyCode>[0]) {
  return steps.verifyCode(values);
}

export async function startEnrolmentAction() {
  return steps.startEnrolment();
}

export async function confirmEnrolmentAction(code: string) {
  return steps.confirmEnrolment(code);
}

export async function cancelSignInAction() {
  return steps.cancel();
}
