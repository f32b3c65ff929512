"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { RouterOutputs } from "@truce/api";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@truce/ui";
import { useTRPC } from "~/trpc/react";

type Membership = RouterOutputs["user"]["list"]["items"][number]["memberships"][number];
type Role = Membership["role"];

/**
 * The role of one membership. Only a platform admin appoints or removes agency admins, and
 * nobody changes their own role (the API refuses both; the control does not offer them).
 */
export function MembershipRoleSelect({
  membership,
  own,
  mayAppointAdmins,
  onError,
  onDone,
}: {
  membership: Membership;
  own: boolean;
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
  const locked = own || (!mayAppointAdmins && membership.role === "agency_admin");
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
