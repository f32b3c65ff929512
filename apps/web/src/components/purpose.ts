import { cookies } from "next/headers";
import { PURPOSE_COOKIE, purposeSchema, type Purpose } from "@truce/api";

export const PURPOSES = purposeSchema.options;

/** The purpose chosen for this session, if any. */
export async function currentPurpose(): Promise<Purpose | null> {
  const parsed = purposeSchema.safeParse((await cookies()).get(PURPOSE_COOKIE)?.value);
  return parsed.success ? parsed.data : null;
}
