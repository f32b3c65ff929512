import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignedInFrame } from "@truce/ui/signed-in-frame";
import { signedOutAsNull } from "@truce/ui/trpc/server";
import * as actions from "~/app/actions";
import { getQueryClient, trpc } from "~/trpc/server";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const me = await getQueryClient()
    .fetchQuery(trpc.session.me.queryOptions())
    .catch(signedOutAsNull);
  const t = await getTranslations("nav");
  const nav = [{ href: "/agencies", label: t("agencies") }];
  return (
    <SignedInFrame me={me} roles={["agency_admin"]} nav={nav} actions={actions}>
      {children}
    </SignedInFrame>
  );
}
