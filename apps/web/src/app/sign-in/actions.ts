"use server";

import { createSignInActions, type SecondStepState, type SignInState } from "@truce/auth";
import { safeCallbackPath } from "@truce/ui/redirect";
import { auth, signIn, signOut, unstable_update } from "~/auth";

// The steps of signing in to this app; what each does is in packages/auth (next-actions.ts).
// Each takes the form's fields, so the forms post here with or without the page's scripts.
const steps = createSignInActions({
  app: "web",
  auth,
  signIn,
  signOut,
  update: unstable_update,
  safeCallbackPath,
});

export async function signInAction(state: SignInState, form: FormData) {
  return steps.signIn(state, form);
}

export async function verifyCodeAction(state: SecondStepState, form: FormData) {
  return steps.verifyCode(state, form);
}

export async function startEnrolmentAction() {
  return steps.startEnrolment();
}

export async function confirmEnrolmentAction(state: SecondStepState, form: FormData) {
  return steps.confirmEnrolment(state, form);
}

export async function codesToShowAction() {
  return steps.codesToShow();
}

export async function codesSavedAction() {
  return steps.codesSaved();
}

export async function cancelSignInAction() {
  return steps.cancel();
}
