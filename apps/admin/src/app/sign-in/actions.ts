"use server";

import { redirect } from "next/navigation";
import { signInWithCredentials, type SignInState } from "@truce/auth";
import { safeCallbackPath } from "@truce/ui/redirect";
import { signIn } from "~/auth";

export async function signInAction(values: {
  email: string;
  password: string;
  callbackUrl?: string;
}): Promise<SignInState> {
  const state = await signInWithCredentials(signIn, values);
  if (state) return state;
  redirect(safeCallbackPath(values.callbackUrl));
}
