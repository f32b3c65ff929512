import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Action } from "@truce/api";
import { SignedInFrame } from "@truce/ui/signed-in-frame";
import { signedOutAsNull } from "@truce/ui/trpc/server";
import * as actions from "~/app/actions";
import { getQueryClient, trpc } from "~/trpc/server";

/** Each section, shown to those whose role allows what it needs (the API checks again). */
const SECTIONS: {
  href: string;
  key: "agencies" | "users" | "accessLog" | "settings";
  needs: Action;
}[] = [
  { href: "/agencies", key: "agencies", needs: "agency.list" },
  { href: "/users", key: "users", needs: "user.list" },
  { href: "/access-log", key: "accessLog", needs: "accessLog.list" },
  { href: "/settings", key: "settings", needs: "platformSetting.read" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const me = await getQueryClient()
    .fetchQuery(trpc.session.me.queryOptions())
    .catch(signedOutAsNull);
  const t = await getTranslations("nav");
  const nav = SECTIONS.filter((s) => me?.allowed.includes(s.needs)).map((s) => ({
    href: s.href,
    label: t(s.key),
  }));
  return (
    <SignedInFrame me={me} roles={["agency_admin"]} nav={nav} actions={actions}>
      {children}
    </SignedInFrame>
  );
}
