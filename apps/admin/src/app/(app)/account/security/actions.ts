"use server";

import { createAccountSecurityActions, type AccountSecurityState } from "@truce/auth";
import { auth, unstable_update } from "~/auth";

// Each acts on the signed-in person only, read from the session and checked against the
// database (loadActor) like every API call; changing a factor first asks for the
// person's factors again, and ends their other sessions (packages/auth account-actions.ts).
const security = createAccountSecurityActions({ app: "admin", auth, update: unstable_update });

export async function changeAction(state: AccountSecurityState, form: FormData) {
  return security.change(state, form);
}

export async function codesToShowAction() {
  return security.codesToShow();
}

export async function codesSavedAction() {
  return security.codesSaved();
}
