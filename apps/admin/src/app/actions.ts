"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { signOut, unstable_update } from "~/auth";
import { LOCALE_COOKIE, LOCALES } from "@truce/ui/i18n";

const localeInput = z.enum(LOCALES);
const membershipInput = z.string().uuid();

/** Remembers the chosen language for a year. */
export async function setLocale(locale: string): Promise<void> {
  const parsed = localeInput.parse(locale);
  (await cookies()).set(LOCALE_COOKIE, parsed, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  revalidatePath("/", "layout");
}

/** Acts as another of the user's memberships; the auth callback checks it is theirs. */
export async function switchMembership(membershipId: string): Promise<void> {
  const parsed = membershipInput.parse(membershipId);
  // No revalidatePath: this request still carries the old session cookie, so the client
  // refreshes once the new one is set (AppFrame does).
  await unstable_update({ switchToMembershipId: parsed });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
