"use server";

import {
  confirmAccountEnrolment,
  renewRecoveryCodes,
  startAccountEnrolment,
  type ConfirmEnrolmentState,
  type Reauthentication,
} from "@truce/auth";
import { auth } from "~/auth";

// Each acts on the signed-in person only, read from the session and checked against the
// database (loadActor) like every API call; changing a factor first asks for the
// person's factors again.

export async function startEnrolmentAction(proof: Reauthentication) {
  return startAccountEnrolment(auth, "web", proof);
}

export async function confirmEnrolmentAction(code: string): Promise<ConfirmEnrolmentState> {
  return confirmAccountEnrolment(auth, code);
}

export async function renewRecoveryCodesAction(proof: Reauthentication): Promise<string[] | null> {
  return renewRecoveryCodes(auth, "web", proof);
}
