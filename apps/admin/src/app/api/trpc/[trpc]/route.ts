import { adminRouter, createTRPCFetchHandler } from "@truce/api";
import { auth } from "~/auth";

// This app's procedures only: the other app's are not found here (404), whatever roles the
// session holds.
const handler = createTRPCFetchHandler(adminRouter, async () => (await auth())?.claims ?? null);

export { handler as GET, handler as POST };
