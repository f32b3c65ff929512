"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { AppShell, type AppShellProps } from "./app-shell";

export type AppFrameProps = Omit<AppShellProps, "linkComponent" | "nav"> & {
  nav: { href: string; label: string }[];
};

/** The AppShell inside a Next.js app: client-side links, and the current section from the URL. */
export function AppFrame({ nav, onSwitchMembership, ...props }: AppFrameProps) {
  const pathname = usePathname();
  const router = useRouter();
  const queryClient = useQueryClient();
  // Everything on screen was read as the previous membership: drop it and render again.
  const switchMembership = onSwitchMembership
    ? async (membershipId: string) => {
        await onSwitchMembership(membershipId);
        queryClient.clear();
        router.refresh();
      }
    : undefined;
  const items = nav.map((item) => ({
    ...item,
    active: pathname === item.href || pathname.startsWith(`${item.href}/`),
  }));
  return (
    <AppShell {...props} nav={items} linkComponent={Link} onSwitchMembership={switchMembership} />
  );
}
