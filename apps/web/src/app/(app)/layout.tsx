import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SignedInFrame } from "@truce/ui/signed-in-frame";
import { signedOutAsNull } from "@truce/ui/trpc/server";
import * as actions from "~/app/actions";
import { currentPurpose, PURPOSES } from "~/components/purpose";
import { PurposeMenu } from "~/components/purpose-menu";
import { getQueryClient, trpc } from "~/trpc/server";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const me = await getQueryClient()
    .fetchQuery(trpc.session.me.queryOptions())
    .catch(signedOutAsNull);
  const t = await getTranslations("nav");
  const tp = await getTranslations("purpose");
  const tPurpose = await getTranslations("enums.accessPurpose");
  const nav = [
    { href: "/", label: t("start") },
    { href: "/individuals", label: t("individuals") },
    { href: "/groups", label: t("groups") },
    { href: "/conflicts", label: t("conflicts") },
    { href: "/referrals", label: t("referrals") },
    { href: "/incidents", label: t("incidents") },
    { href: "/network", label: t("network") },
    // The reports are the managers' (the procedures refuse anyone else whatever the menu says).
    ...(me?.allowed.includes("report.read") ? [{ href: "/reports", label: t("reports") }] : []),
  ];
  const purpose = (
    <PurposeMenu
      label={tp("label")}
      placeholder={tp("none")}
      value={await currentPurpose()}
      options={PURPOSES.map((value) => ({ value, label: tPurpose(value) }))}
    />
  );
  return (
    <SignedInFrame
      me={me}
      roles={["staff", "manager"]}
      nav={nav}
      actions={actions}
      headerActions={purpose}
    >
      {children}
    </SignedInFrame>
  );
}
