"use client";

import { useOptimistic, useTransition } from "react";
import { Building, ChevronDown, CircleUser, Languages, LogOut, ShieldCheck } from "lucide-react";

import { Button } from "./button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./dropdown-menu";
import { Spinner } from "./spinner";

/*
 * The interactive parts of the AppShell header. Their callbacks may be server actions
 * (a "use server" function accepting a string), so a server-component layout can pass
 * them straight through; the switch runs in a transition and shows the new choice
 * optimistically until the server's answer re-renders the page.
 */

export type Membership = { id: string; label: string };
export type Locale = { code: string; label: string };

/**
 * The shown choice follows `current`, except while `onChange` runs: then it shows
 * what the user picked.
 */
function useOptimisticChoice(
  current: string | null,
  onChange: ((value: string) => void | Promise<void>) | undefined,
) {
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useOptimistic(current);
  const choose = (next: string) => {
    if (next === value || !onChange) return;
    startTransition(async () => {
      setValue(next);
      await onChange(next);
    });
  };
  return { value, pending, choose };
}

type ChoiceMenuContentProps = {
  label: string;
  value: string;
  pending: boolean;
  onValueChange: (value: string) => void;
  options: { value: string; label: string; lang?: string }[];
  className?: string;
};

function ChoiceMenuContent({
  label,
  value,
  pending,
  onValueChange,
  options,
  className,
}: ChoiceMenuContentProps) {
  return (
    <DropdownMenuContent align="end" className={className}>
      <DropdownMenuLabel className="text-xs text-muted-foreground">{label}</DropdownMenuLabel>
      <DropdownMenuRadioGroup value={value} onValueChange={onValueChange}>
        {options.map((o) => (
          <DropdownMenuRadioItem key={o.value} value={o.value} lang={o.lang} disabled={pending}>
            {o.label}
          </DropdownMenuRadioItem>
        ))}
      </DropdownMenuRadioGroup>
    </DropdownMenuContent>
  );
}

export type AgencySwitcherProps = {
  memberships: Membership[];
  activeMembershipId: string | null;
  /**
   * Makes `membershipId` the active membership; e.g. a server action that updates the
   * session. Without it (or with a single membership) the active agency is shown as text.
   */
  onSwitch?: (membershipId: string) => void | Promise<void>;
  /** "Agency": names the control for screen readers and heads the menu. */
  label: string;
};

export function AgencySwitcher({
  memberships,
  activeMembershipId,
  onSwitch,
  label,
}: AgencySwitcherProps) {
  const { value, pending, choose } = useOptimisticChoice(activeMembershipId, onSwitch);
  const active = memberships.find((m) => m.id === value);

  if (!active) return null;

  // With a single membership there is nothing to switch to: show where the user acts.
  if (memberships.length < 2 || !onSwitch) {
    return (
      <p data-slot="agency-switcher" className="flex min-w-0 items-center gap-2 px-2 text-sm">
        <Building aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
        <span className="sr-only">{label}</span>
        <span className="truncate font-medium">{active.label}</span>
      </p>
    );
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          data-slot="agency-switcher"
          variant="outline"
          size="sm"
          aria-busy={pending || undefined}
          className="max-w-44 sm:max-w-64"
        >
          {pending ? (
            <Spinner />
          ) : (
            <Building aria-hidden="true" className="text-muted-foreground" />
          )}
          <span className="sr-only">{label}</span>
          <span className="truncate">{active.label}</span>
          <ChevronDown aria-hidden="true" className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <ChoiceMenuContent
        label={label}
        value={active.id}
        pending={pending}
        onValueChange={choose}
        options={memberships.map((m) => ({ value: m.id, label: m.label }))}
        className="w-64"
      />
    </DropdownMenu>
  );
}

export type LanguageSwitcherProps = {
  /** Each label in its own language ("Svenska", "English"). */
  locales: Locale[];
  current: string;
  /** E.g. a server action that stores the locale cookie. */
  onChange: (code: string) => void | Promise<void>;
  /** "Language" / "Språk". */
  label: string;
};

export function LanguageSwitcher({ locales, current, onChange, label }: LanguageSwitcherProps) {
  const { value, pending, choose } = useOptimisticChoice(current, onChange);
  const active = locales.find((l) => l.code === value);

  if (locales.length < 2) return null;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          data-slot="language-switcher"
          variant="ghost"
          size="sm"
          aria-busy={pending || undefined}
        >
          {pending ? <Spinner /> : <Languages aria-hidden="true" />}
          <span className="sr-only">{label}</span>
          <span aria-hidden="true" className="hidden uppercase sm:inline">
            {value}
          </span>
          {/* Each language's name is in that language: mark it so speech output says it right. */}
          <span lang={active?.code} className="sr-only">
            {active?.label}
          </span>
        </Button>
      </DropdownMenuTrigger>
      <ChoiceMenuContent
        label={label}
        value={value ?? current}
        pending={pending}
        onValueChange={choose}
        options={locales.map((l) => ({ value: l.code, label: l.label, lang: l.code }))}
      />
    </DropdownMenu>
  );
}

export type UserMenuProps = {
  user: { name: string; email?: string | null };
  /** "Sign out" / "Logga ut". */
  signOutLabel: string;
  /** E.g. a server action calling next-auth's signOut({ redirectTo }). */
  onSignOut: () => void | Promise<void>;
  /** Pages about the account itself (e.g. its security), listed above "Sign out". */
  links?: { href: string; label: string }[];
};

export function UserMenu({ user, signOutLabel, onSignOut, links = [] }: UserMenuProps) {
  const [pending, startTransition] = useTransition();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button data-slot="user-menu" variant="ghost" size="sm" aria-busy={pending || undefined}>
          {pending ? (
            <Spinner className="size-5" />
          ) : (
            <CircleUser aria-hidden="true" className="size-5" />
          )}
          <span className="sr-only max-w-40 truncate md:not-sr-only">{user.name}</span>
          <ChevronDown aria-hidden="true" className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="flex flex-col gap-0.5">
          <span className="truncate">{user.name}</span>
          {user.email ? (
            <span className="truncate text-xs font-normal text-muted-foreground">{user.email}</span>
          ) : null}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {links.map((link) => (
          <DropdownMenuItem key={link.href} asChild>
            <a href={link.href}>
              <ShieldCheck aria-hidden="true" />
              {link.label}
            </a>
          </DropdownMenuItem>
        ))}
        <DropdownMenuItem
          disabled={pending}
          onSelect={() => {
            startTransition(async () => {
              await onSignOut();
            });
          }}
        >
          <LogOut aria-hidden="true" />
          {signOutLabel}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export type ChoiceMenuProps = {
  /** Names the control and heads the menu ("Purpose"). */
  label: string;
  options: { value: string; label: string }[];
  /** The current choice; null shows `placeholder`. */
  value: string | null;
  placeholder: string;
  /** E.g. a server action storing the choice. */
  onChange: (value: string) => void | Promise<void>;
  "data-testid"?: string;
};

/** A header control choosing one of a few values, like the language switch. */
export function ChoiceMenu({
  label,
  options,
  value,
  placeholder,
  onChange,
  ...rest
}: ChoiceMenuProps) {
  const { value: shown, pending, choose } = useOptimisticChoice(value, onChange);
  const active = options.find((o) => o.value === shown);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="sm"
          aria-busy={pending || undefined}
          data-testid={rest["data-testid"]}
        >
          {pending ? <Spinner /> : null}
          <span className="sr-only">{label}</span>
          <span className="max-w-40 truncate">{active?.label ?? placeholder}</span>
          <ChevronDown aria-hidden="true" className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <ChoiceMenuContent
        label={label}
        value={shown ?? ""}
        pending={pending}
        onValueChange={choose}
        options={options}
      />
    </DropdownMenu>
  );
}
