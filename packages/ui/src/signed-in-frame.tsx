import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppFrame, type AppFrameProps } from "./app-frame";
import { LOCALES } from "./i18n";

const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { sv: "Svenska", en: "English" };

export interface SignedInFrameProps {
  user: { name: string; email: string };
  /** The memberships this app can act as, and the active one. */
  memberships: { id: string; agencyName: string; role: "staff" | "manager" | "agency_admin" }[];
  activeMembershipId: string | null;
  nav: AppFrameProps["nav"];
  onSignOut: () => Promise<void>;
  onSwitchMembership: (membershipId: string) => Promise<void>;
  onLocaleChange: (locale: string) => Promise<void>;
  children: ReactNode;
}

/** The signed-in frame of either app, labelled in the request's language. */
export async function SignedInFrame({ user, memberships, nav, children, ...actions }: SignedInFrameProps) {
  const t = await getTranslations("shell");
  return (
    <AppFrame
      appName={(await getTranslations("app"))("name")}
      nav={nav}
      user={user}
      onSignOut={actions.onSignOut}
      memberships={memberships.map((m) => ({
        id: m.id,
        label: `${m.agencyName} (${t(`roles.${m.role}`)})`,
      }))}
      activeMembershipId={actions.activeMembershipId}
      onSwitchMembership={actions.onSwitchMembership}
      locales={LOCALES.map((code) => ({ code, label: LANGUAGE_NAMES[code] }))}
      currentLocale={await getLocale()}
      onLocaleChange={actions.onLocaleChange}
      labels={{
        skipToContent: t("skipToContent"),
        primaryNav: t("primaryNav"),
        agency: t("activeAgency"),
        language: t("language"),
        signOut: t("signOut"),
      }}
    >
      {children}
    </AppFrame>
  );
}
