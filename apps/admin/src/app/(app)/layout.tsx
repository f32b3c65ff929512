import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignedInFrame } from "@truce/ui/signed-in-frame";
import { setLocale, signOutAction, switchMembership } from "~/app/actions";
import { getQueryClient, trpc } from "~/trpc/server";

/**
 * The signed-in frame. Redirecting here is a convenience for people: every procedure
 * checks the session again on the server.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const me = await getQueryClient()
    .fetchQuery(trpc.session.me.queryOptions())
    .catch((error: unknown) => {
      if (error instanceof TRPCError && ["UNAUTHORIZED", "FORBIDDEN"].includes(error.code)) return null;
      throw error;
    });
  if (!me) redirect("/sign-in");
  const t = await getTranslations("nav");
  return (
    <SignedInFrame
      user={me}
      memberships={me.memberships.filter((m) => m.role === "agency_admin")}
      activeMembershipId={me.membership?.id ?? null}
      nav={[{ href: "/agencies", label: t("agencies") }]}
      onSignOut={signOutAction}
      onSwitchMembership={switchMembership}
      onLocaleChange={setLocale}
    >
      {children}
    </SignedInFrame>
  );
}
