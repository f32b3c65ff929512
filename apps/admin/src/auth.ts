import { cache } from "react";
import { createAuth } from "@truce/auth";

const nextAuth = createAuth("admin");

export const { handlers, signIn, signOut, unstable_update } = nextAuth;
/** Read once per request, however many server components ask. */
export const auth = cache(nextAuth.auth);
