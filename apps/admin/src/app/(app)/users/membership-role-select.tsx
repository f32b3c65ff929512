"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@truce/api";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@truce/ui";
import { useTRPC } from "~/trpc/react";

type Membership = RouterOutputs["user"]["list"]["items"][number]["memberships"][number];
type Role = Membership["role"];

/**
 * The role of one membership, changeable where the API says this admin manages it
 * (`managed`: never their own, and for an agency admin never an admin's). Only a platform
 * admin appoints agency admins, so only they are offered that role.
 */
export function MembershipRoleSelect({
  membership,
  mayAppointAdmins,
  onError,
  onDone,
}: {
  membership: Membership;
  mayAppointAdmins: boolean;
  onError: (message: string | null) => void;
  onDone: () => void;
}) {
  const t = useTranslations("users");
  const tRoles = useTranslations("shell.roles");
  const trpc = useTRPC();
  const setRole = useMutation(
    trpc.membership.setRole.mutationOptions({
      onMutate: () => onError(null),
      onError: (error) => onError(error.message),
      onSettled: onDone,
    }),
  );
  const roles: Role[] = mayAppointAdmins
    ? ["staff", "manager", "agency_admin"]
    : ["staff", "manager"];
  const locked = !membership.managed;
  return (
    <Select
      value={membership.role}
      disabled={locked || setRole.isPending}
      onValueChange={(role) =>
        setRole.mutate({
          membershipId: membership.id,
          role: role as Role,
          version: membership.version,
        })
      }
    >
      <SelectTrigger
        className="h-8 w-44"
        aria-label={t("roleOf", { agency: membership.agencyName })}
      >
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {(locked ? [membership.role] : roles).map((r) => (
          <SelectItem key={r} value={r}>
            {tRoles(r)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
