import type { TRPCRouterRecord } from "@trpc/server";
import { can, permissions, type Action } from "../policy";
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
      /** What the active membership may do: the apps show only the matching navigation. */
      allowed: (Object.keys(permissions) as Action[]).filter((action) => can(actor, action)),
    };
  }),
} satisfies TRPCRouterRecord;
