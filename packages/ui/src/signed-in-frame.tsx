import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppFrame, type AppFrameProps } from "./app-frame";
import { LOCALES } from "./i18n";
import { SessionKeepAlive } from "./session-keep-alive";

/**
 * How often an active page renews its session (at most). Well inside the idle timeout
 * (SESSION_IDLE_SECONDS, 30 minutes, in packages/auth), as next-auth's updateAge.
 */
const SESSION_RENEW_SECONDS = 5 * 60;

const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { sv: "Svenska", en: "English" };

type Role = "staff" | "manager" | "agency_admin";

export interface SignedInFrameProps {
  /** Who is signed in (session.me), or null when the session is missing or no longer valid. */
  me: {
    name: string;
    email: string;
    membership: { id: string } | null;
    memberships: { id: string; agencyName: string; role: Role }[];
  } | null;
  /** The membership roles this app acts as (the others are not offered in the switcher). */
  roles: readonly Role[];
  nav: AppFrameProps["nav"];
  /** Extra controls in the header (e.g. the purpose of the session's work). */
  headerActions?: ReactNode;
  /** The app's server actions. */
  actions: {
    signOutAction: () => Promise<void>;
    switchMembership: (membershipId: string) => Promise<void>;
    setLocale: (locale: string) => Promise<void>;
  };
  children: ReactNode;
}

/**
 * The signed-in frame of either app, labelled in the request's language. Sending a
 * signed-out visitor to sign in is a convenience: every procedure checks the session again.
 */
export async function SignedInFrame({
  me,
  roles,
  nav,
  actions,
  headerActions,
  children,
}: SignedInFrameProps) {
  if (!me) redirect("/sign-in");
  const t = await getTranslations("shell");
  const tRole = await getTranslations("enums.membershipRole");
  return (
    <AppFrame
      appName={(await getTranslations("app"))("name")}
      nav={nav}
      headerActions={headerActions}
      user={{ name: me.name, email: me.email }}
      onSignOut={actions.signOutAction}
      accountLinks={[{ href: "/account/security", label: t("accountSecurity") }]}
      memberships={me.memberships
        .filter((m) => roles.includes(m.role))
        .map((m) => ({
          id: m.id,
          label: `${m.agencyName} (${tRole(m.role)})`,
        }))}
      activeMembershipId={me.membership?.id ?? null}
      onSwitchMembership={actions.switchMembership}
      locales={LOCALES.map((code) => ({ code, label: LANGUAGE_NAMES[code] }))}
      currentLocale={await getLocale()}
      onLocaleChange={actions.setLocale}
      labels={{
        skipToContent: t("skipToContent"),
        primaryNav: t("primaryNav"),
        agency: t("activeAgency"),
        language: t("language"),
        signOut: t("signOut"),
      }}
    >
      <SessionKeepAlive renewEverySeconds={SESSION_RENEW_SECONDS} />
      {children}
    </AppFrame>
  );
}
