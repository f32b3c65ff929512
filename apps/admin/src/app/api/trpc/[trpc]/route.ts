import { createTRPCFetchHandler } from "@truce/api";
import { auth } from "~/auth";

const handler = createTRPCFetchHandler(async () => (await auth())?.claims ?? null);

export { handler as GET, handler as POST };
