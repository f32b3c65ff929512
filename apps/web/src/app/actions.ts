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
 * refreshes after it: this request's headers still carry the old choice. Anything but a
 * purpose changes nothing (the menu offers only purposes; a hand-made call gets no error page).
 */
export async function setPurpose(purpose: unknown): Promise<void> {
  const parsed = purposeSchema.safeParse(purpose);
  if (!parsed.success) return;
  (await cookies()).set(PURPOSE_COOKIE, parsed.data, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
  });
}
