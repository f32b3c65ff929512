"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { WebRouterOutputs as RouterOutputs } from "@truce/api";
import { transitionReferralInput, type ReferralStep } from "@truce/api/schemas/referral";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  Button,
  FormControl,
  FormDescription,
  FormDialog,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Textarea,
  useErrorMessage,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

type Referral = RouterOutputs["referral"]["list"]["items"][number];

/** What every step reads again once taken: the lists, and the person's timeline. */
function useAfterStep(referral: Referral) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.referral.list.pathFilter()),
      referral.individualId
        ? queryClient.invalidateQueries(
            trpc.individual.timeline.infiniteQueryFilter({ individualId: referral.individualId }),
          )
        : null,
    ]);
}

/**
 * The steps the user's agency may take on a referral now (the server's `steps`, from the one
 * state machine): accept, mark in progress and complete at once; decline in a dialog that
 * asks for the reason; withdraw in a dialog that asks to confirm. Each from the version the
 * list shows: a step someone took meanwhile is refused as stale, and the list is read again.
 */
export function ReferralSteps({ referral }: { referral: Referral }) {
  const t = useTranslations("referrals.steps");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const afterStep = useAfterStep(referral);
  const mutation = useMutation(
    trpc.referral.transition.mutationOptions({ onSettled: () => afterStep() }),
  );
  if (referral.steps.length === 0) return null;
  const direct = (status: ReferralStep) => (
    <Button
      key={status}
      type="button"
      size="sm"
      variant={status === "accepted" ? "default" : "outline"}
      disabled={mutation.isPending}
      onClick={() =>
        mutation.mutate({ id: referral.id, version: referral.version, status, reason: null })
      }
    >
      {t(status)}
    </Button>
  );
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {referral.steps.map((status) =>
          status === "declined" ? (
            <StepDialog key={status} referral={referral} status="declined" />
          ) : status === "withdrawn" ? (
            <StepDialog key={status} referral={referral} status="withdrawn" />
          ) : (
            direct(status)
          ),
        )}
      </div>
      {mutation.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {errorMessage(mutation.error)}
        </p>
      ) : null}
    </div>
  );
}

/** Decline (the reason required) or withdraw (confirmed, the reason optional). */
function StepDialog({
  referral,
  status,
}: {
  referral: Referral;
  status: "declined" | "withdrawn";
}) {
  const t = useTranslations(`referrals.${status === "declined" ? "decline" : "withdraw"}`);
  const tSteps = useTranslations("referrals.steps");
  const trpc = useTRPC();
  const afterStep = useAfterStep(referral);
  const mutation = useMutation(trpc.referral.transition.mutationOptions());
  const values = {
    id: referral.id,
    version: referral.version,
    status,
    reason: "",
  } as z.input<typeof transitionReferralInput>;
  const server = useServerForm({
    schema: transitionReferralInput,
    defaultValues: values,
    values,
    afterSuccess: "keep",
    onStale: () => void afterStep(),
    submit: async (input) => {
      await mutation.mutateAsync(input);
      await afterStep();
    },
  });
  return (
    <FormDialog
      trigger={
        <Button type="button" size="sm" variant="outline">
          {tSteps(status)}
        </Button>
      }
      title={t("title")}
      description={t("description", { person: referral.personName ?? "" })}
      server={server}
      submitLabel={t("confirm")}
      cancelLabel={t("cancel")}
      destructive={status === "withdrawn"}
      onOpen={() => server.form.reset(values)}
    >
      <FormField
        control={server.form.control}
        name="reason"
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("reason")}</FormLabel>
            <FormControl>
              <Textarea
                {...field}
                value={typeof field.value === "string" ? field.value : ""}
                rows={3}
                maxLength={FIELD_LIMITS.referralEvent.reason.max}
              />
            </FormControl>
            <FormDescription>{t("reasonHint")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
    </FormDialog>
  );
}
