"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import type { AdminRouterOutputs as RouterOutputs } from "@truce/api";
import { setMembershipRoleInput } from "@truce/api/schemas/membership";
import { MEMBERSHIP_ROLES } from "@truce/db/enum-values";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

type Membership = RouterOutputs["user"]["list"]["items"][number]["memberships"][number];

/**
 * The role of one membership, changeable where the API says this admin manages it
 * (`managed`: never their own, and for an agency admin never an admin's). Only a platform
 * admin appoints agency admins, so only they are offered that role. A versioned change: if
 * the membership changed meanwhile, the refusal is said beside it and the choice stays shown,
 * now against the newest version, so choosing again applies it.
 */
export function MembershipRoleSelect({
  membership,
  mayAppointAdmins,
  onDone,
}: {
  membership: Membership;
  mayAppointAdmins: boolean;
  onDone: () => void;
}) {
  const t = useTranslations("users");
  const tRole = useTranslations("enums.membershipRole");
  const trpc = useTRPC();
  const setRole = useMutation(trpc.membership.setRole.mutationOptions({ onSettled: onDone }));
  const { form, formError, onSubmit } = useServerForm({
    schema: setMembershipRoleInput,
    defaultValues: { role: membership.role },
    values: { membershipId: membership.id, role: membership.role, version: membership.version },
    submit: (values) => setRole.mutateAsync(values),
    afterSuccess: "keep",
  });
  const chosen = useWatch({ control: form.control, name: "role" });
  const roles = MEMBERSHIP_ROLES.filter((role) => mayAppointAdmins || role !== "agency_admin");
  const locked = !membership.managed;
  const refusal = formError ?? form.formState.errors.role?.message ?? null;
  return (
    <>
      <Select
        value={chosen}
        disabled={locked || setRole.isPending}
        onValueChange={(value) => {
          const role = roles.find((r) => r === value);
          if (!role) return;
          form.setValue("role", role, { shouldDirty: true });
          void onSubmit();
        }}
      >
        <SelectTrigger
          className="h-8 w-44"
          aria-label={t("roleOf", { agency: membership.agencyName })}
          aria-invalid={refusal ? true : undefined}
        >
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {(locked ? [membership.role] : roles).map((role) => (
            <SelectItem key={role} value={role}>
              {tRole(role)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {refusal ? (
        <p role="alert" className="basis-full text-sm text-destructive">
          {refusal}
        </p>
      ) : null}
    </>
  );
}
