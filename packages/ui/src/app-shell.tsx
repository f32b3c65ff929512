import { type ComponentType, type ReactNode } from "react";

import {
  AgencySwitcher,
  LanguageSwitcher,
  UserMenu,
  type Locale,
  type Membership,
} from "./app-shell-menus";
import { focusRing } from "./button";
import { cn } from "./lib/utils";

/*
 * The frame of both apps: skip link, top bar (app name, active agency, language,
 * account), primary navigation, and the <main> landmark. It has no state of its own
 * and no "use client", so a server-component layout can render it; the menus inside
 * are client components whose callbacks may be server actions.
 */

export type NavItem = {
  href: string;
  label: string;
  /** Marks the current section (aria-current="page"); the app decides from its pathname. */
  active?: boolean;
};

/** Any link component taking an href, e.g. `Link` from next/link or next-intl's navigation. */
export type LinkComponent = ComponentType<{
  href: string;
  className?: string;
  children?: ReactNode;
  "aria-current"?: "page";
}>;

export type AppShellLabels = {
  /** "Skip to content" / "Hoppa till innehållet". */
  skipToContent: string;
  /** Accessible name of the primary navigation ("Main" / "Huvudmeny"). */
  primaryNav: string;
  /** "Agency" / "Myndighet": names the active-agency control. */
  agency: string;
  /** "Language" / "Språk". */
  language: string;
  /** "Sign out" / "Logga ut". */
  signOut: string;
};

export type AppShellProps = {
  appName: ReactNode;
  /** Where the app name links to. Default "/". */
  homeHref?: string;
  nav: NavItem[];
  /** Renders the app name and nav links. Default: a plain <a> (full page loads). */
  linkComponent?: LinkComponent;
  /** The signed-in user; without it the account menu is not shown. */
  user?: { name: string; email?: string | null } | null;
  /** Sign-out callback, e.g. a server action. Shown in the account menu. */
  onSignOut?: () => void | Promise<void>;
  /** Links in the account menu, above "Sign out". */
  accountLinks?: { href: string; label: string }[];
  /** The user's memberships. With one, the agency is shown as text; with several, as a switcher. */
  memberships?: Membership[];
  activeMembershipId?: string | null;
  /** Switches the active membership, e.g. a server action. Without it the agency is shown as text. */
  onSwitchMembership?: (membershipId: string) => void | Promise<void>;
  locales?: Locale[];
  currentLocale?: string;
  onLocaleChange?: (code: string) => void | Promise<void>;
  labels: AppShellLabels;
  /** Extra header content, placed before the agency control. */
  headerActions?: ReactNode;
  /** Id of <main>, the skip link's target. Default "main-content". */
  mainId?: string;
  /** Classes for the <main> element (e.g. to change its max width). */
  mainClassName?: string;
  children: ReactNode;
};

function PlainLink(props: {
  href: string;
  className?: string;
  children?: ReactNode;
  "aria-current"?: "page";
}) {
  return <a {...props} />;
}

export function AppShell({
  appName,
  homeHref = "/",
  nav,
  linkComponent: Link = PlainLink,
  user,
  onSignOut,
  accountLinks,
  memberships = [],
  activeMembershipId = null,
  onSwitchMembership,
  locales = [],
  currentLocale,
  onLocaleChange,
  labels,
  headerActions,
  mainId = "main-content",
  mainClassName,
  children,
}: AppShellProps) {
  return (
    <div data-slot="app-shell" className="flex min-h-dvh flex-col bg-background">
      <a
        href={`#${mainId}`}
        className={cn(
          "sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-100 focus:rounded-md focus:bg-primary focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-primary-foreground focus:shadow-lg",
          focusRing,
        )}
      >
        {labels.skipToContent}
      </a>

      <header className="sticky top-0 z-40 border-b bg-card print:hidden">
        <div className="mx-auto flex h-14 w-full max-w-7xl items-center gap-3 px-4">
          <Link
            href={homeHref}
            className={cn("shrink-0 rounded-sm text-base font-semibold tracking-tight", focusRing)}
          >
            {appName}
          </Link>

          <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
            {headerActions}
            {memberships.length > 0 ? (
              <AgencySwitcher
                memberships={memberships}
                activeMembershipId={activeMembershipId}
                onSwitch={onSwitchMembership}
                label={labels.agency}
              />
            ) : null}
            {onLocaleChange && currentLocale && locales.length > 1 ? (
              <LanguageSwitcher
                locales={locales}
                current={currentLocale}
                onChange={onLocaleChange}
                label={labels.language}
              />
            ) : null}
            {user && onSignOut ? (
              <UserMenu
                user={user}
                signOutLabel={labels.signOut}
                onSignOut={onSignOut}
                links={accountLinks}
              />
            ) : null}
          </div>
        </div>

        {nav.length > 0 ? (
          <nav aria-label={labels.primaryNav} className="mx-auto w-full max-w-7xl px-4">
            {/* Scrolls sideways on narrow screens rather than hiding items behind a toggle. */}
            <ul className="-mb-px flex gap-1 overflow-x-auto">
              {nav.map((item) => (
                <li key={item.href} className="shrink-0">
                  <Link
                    href={item.href}
                    aria-current={item.active ? "page" : undefined}
                    className={cn(
                      "inline-flex h-10 items-center border-b-2 border-transparent px-3 text-sm font-medium text-muted-foreground transition-colors",
                      "hover:border-border hover:text-foreground",
                      "aria-[current=page]:border-primary aria-[current=page]:text-foreground",
                      "rounded-t-sm outline-hidden focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>

      <main
        id={mainId}
        // Focusable by the skip link in every browser, but not part of the tab order.
        tabIndex={-1}
        className={cn("mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-hidden", mainClassName)}
      >
        {children}
      </main>
    </div>
  );
}
