"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { PURPOSE_COOKIE, purposeSchema } from "@truce/api";
import { switchActiveMembership } from "@truce/auth";
import { storeLocale } from "@truce/ui/locale-cookie";
import { signOut, unstable_update } from "~/auth";

export async function setLocale(locale: string): Promise<void> {
  await storeLocale(locale);
  revalidatePath("/", "layout");
}

/** No revalidatePath: this request still has the old session; the client refreshes after. */
export async function switchMembership(membershipId: string): Promise<void> {
  await switchActiveMembership(unstable_update, membershipId);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/**
 * The purpose of this session's reads (kept until the browser closes). The client
 * refreshes after it: this request's headers still carry the old choice.
 */
export async function setPurpose(purpose: string): Promise<void> {
  (await cookies()).set(PURPOSE_COOKIE, purposeSchema.parse(purpose), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
  });
}
