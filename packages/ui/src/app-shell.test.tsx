import { type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { AppShell, type AppShellProps } from "./app-shell";

const labels = {
  skipToContent: "Hoppa till innehållet",
  primaryNav: "Huvudmeny",
  agency: "Myndighet",
  language: "Språk",
  signOut: "Logga ut",
};

function TestLink({
  href,
  className,
  children,
  ...rest
}: {
  href: string;
  className?: string;
  children?: ReactNode;
  "aria-current"?: "page";
}) {
  return (
    <a href={href} className={className} data-test-link="" {...rest}>
      {children}
    </a>
  );
}

function render(props: Partial<AppShellProps> = {}) {
  return renderToStaticMarkup(
    <AppShell
      appName="Truce"
      nav={[
        { href: "/individuals", label: "Personer", active: true },
        { href: "/groups", label: "Grupper" },
      ]}
      linkComponent={TestLink}
      user={{ name: "Anna Svensson", email: "anna@example.se" }}
      onSignOut={() => {}}
      memberships={[{ id: "m1", label: "Polisen Malmö" }]}
      activeMembershipId="m1"
      onSwitchMembership={() => {}}
      locales={[
        { code: "sv", label: "Svenska" },
        { code: "en", label: "English" },
      ]}
      currentLocale="sv"
      onLocaleChange={() => {}}
      labels={labels}
      {...props}
    >
      <p>Sidans innehåll</p>
    </AppShell>,
  );
}

describe("AppShell", () => {
  it("starts with a skip link to the main landmark, which holds the page", () => {
    const html = render();
    const skip = html.match(/<a href="#([^"]+)"[^>]*>Hoppa till innehållet<\/a>/);
    expect(skip).not.toBeNull();
    expect(html.indexOf(skip![0])).toBeLessThan(html.indexOf("<header"));
    expect(html).toMatch(
      new RegExp(`<main id="${skip![1]}" tabindex="-1"[^>]*>\\s*<p>Sidans innehåll</p>`, "i"),
    );
  });

  it("renders the primary nav through the link component and marks the current item", () => {
    const html = render();
    expect(html).toContain('<nav aria-label="Huvudmeny"');
    expect(html).toMatch(
      /<a href="\/individuals"[^>]*data-test-link=""[^>]*aria-current="page"[^>]*>Personer<\/a>/,
    );
    expect(html).toMatch(/<a href="\/groups"[^>]*>Grupper<\/a>/);
    expect(html).not.toMatch(/<a href="\/groups"[^>]*aria-current/);
  });

  it("shows the single active agency as text, with no switcher", () => {
    const html = render();
    expect(html).toContain("Polisen Malmö");
    expect(html).toMatch(/<p data-slot="agency-switcher"/);
    expect(html).not.toMatch(/<button[^>]*data-slot="agency-switcher"/);
  });

  it("offers a menu button to switch agency when the user has several memberships", () => {
    const html = render({
      memberships: [
        { id: "m1", label: "Polisen Malmö" },
        { id: "m2", label: "Socialtjänsten Malmö" },
      ],
      activeMembershipId: "m2",
    });
    const trigger = html.match(
      /<button[^>]*data-slot="agency-switcher"[^>]*>[\s\S]*?<\/button>/,
    )?.[0];
    expect(trigger).toBeDefined();
    expect(trigger).toContain('aria-haspopup="menu"');
    expect(trigger).toContain("Myndighet");
    expect(trigger).toContain("Socialtjänsten Malmö");
  });

  it("shows the language and account menus with labels from props only", () => {
    const html = render();
    const language = html.match(
      /<button[^>]*data-slot="language-switcher"[^>]*>[\s\S]*?<\/button>/,
    )?.[0];
    expect(language).toContain("Språk");
    expect(language).toContain('lang="sv"');
    const account = html.match(/<button[^>]*data-slot="user-menu"[^>]*>[\s\S]*?<\/button>/)?.[0];
    expect(account).toContain("Anna Svensson");
    for (const english of ["Skip", "Sign out", "Language", "Agency", "Main"]) {
      expect(html).not.toContain(english);
    }
  });

  it("leaves out the controls the app does not provide", () => {
    const html = render({ user: null, memberships: [], onLocaleChange: undefined });
    expect(html).not.toContain('data-slot="user-menu"');
    expect(html).not.toContain('data-slot="agency-switcher"');
    expect(html).not.toContain('data-slot="language-switcher"');
  });
});
