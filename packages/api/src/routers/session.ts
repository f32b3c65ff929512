import type { TRPCRouterRecord } from "@trpc/server";
import { authorizedProcedure } from "../trpc";

export const sessionRouter = {
  /** Who is signed in and as which membership: what the app shell shows. */
  me: authorizedProcedure("session.read").query(({ ctx }) => {
    const { actor } = ctx;
    return {
      userId: actor.userId,
      name: actor.name,
      email: actor.email,
      platformRoles: actor.platformRoles,
      membership: actor.membership,
      memberships: actor.memberships,
    };
  }),
} satisfies TRPCRouterRecord;
