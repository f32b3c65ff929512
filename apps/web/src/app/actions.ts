"use server";

import { revalidatePath } from "next/cache";
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
