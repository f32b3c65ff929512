"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { createConflictInput } from "@truce/api/schemas/conflict";
import { CONFLICT_STATUSES, RISK_LEVELS } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  Alert,
  AlertDescription,
  Badge,
  Button,
  Form,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  NativeSelectField,
  useServerForm,
} from "@truce/ui";
import { GroupPicker, PersonPicker } from "~/components/record-picker";
import { useTRPC } from "~/trpc/react";
import { ConflictFields } from "../conflict-fields";

type PartyKind = "group" | "individual";
const keyOf = (kind: PartyKind, id: string) => `${kind}:${id}`;

/**
 * Records a conflict: its record, status and risk, and its parties, each a group (found by name
 * or alias) or a person (found by name in the register as the agency sees it) with the label
 * of their side. Saved, it opens the conflict's profile.
 */
export function ConflictForm() {
  const t = useTranslations("conflicts.form");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.conflict.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries(trpc.conflict.list.pathFilter());
        router.push(`/conflicts/${id}`);
      },
    }),
  );
  const { form, formError, onSubmit } = useServerForm({
    schema: createConflictInput,
    defaultValues: {
      title: "",
      status: "active",
      riskLevel: "medium",
      startedOn: "",
      description: "",
      parties: [],
    },
    submit: (values) => create.mutateAsync(values),
  });
  const parties = useFieldArray({ control: form.control, name: "parties" });
  // The parties as the form holds them: `parties.fields[i].id` is the list's own key, not the
  // party's id, so the ids are read from the values.
  const partyValues = form.watch("parties") ?? [];
  // The names of the parties chosen, for the list (the procedure takes their ids).
  const [names, setNames] = useState<Record<string, string>>({});
  const chosen = new Set(partyValues.map((p) => keyOf(p.kind, p.id)));
  const add = (kind: PartyKind, id: string, name: string) => {
    if (chosen.has(keyOf(kind, id))) return;
    setNames((before) => ({ ...before, [keyOf(kind, id)]: name }));
    // The first party on side A, the others on B until the person changes it.
    parties.append({ kind, id, side: parties.fields.length === 0 ? "A" : "B" });
  };
  const partiesError = form.formState.errors.parties;
  const partiesMessage = partiesError?.message ?? partiesError?.root?.message;
  const busy = create.isPending || form.formState.isSubmitting;

  return (
    <Form {...form}>
      <form noValidate className="space-y-6" onSubmit={(event) => void onSubmit(event)}>
        {formError ? (
          <Alert variant="destructive" data-testid="form-error">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
        <ConflictFields control={form.control} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <NativeSelectField
            control={form.control}
            name="status"
            label={t("fields.status")}
            options={CONFLICT_STATUSES.map((s) => ({
              value: s,
              label: tEnum(`conflictStatus.${s}`),
            }))}
          />
          <NativeSelectField
            control={form.control}
            name="riskLevel"
            label={t("fields.riskLevel")}
            options={RISK_LEVELS.map((r) => ({ value: r, label: tEnum(`riskLevel.${r}`) }))}
          />
        </div>

        <fieldset className="space-y-4 rounded-md border p-4">
          <legend className="px-1 text-base font-semibold">{t("parties.legend")}</legend>
          <p className="text-sm text-muted-foreground">{t("parties.hint")}</p>
          {parties.fields.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("parties.none")}</p>
          ) : (
            <ul className="space-y-3" aria-label={t("parties.chosen")}>
              {parties.fields.map((party, index) => {
                const value = partyValues[index] ?? party;
                const name = names[keyOf(value.kind, value.id)] ?? value.id;
                return (
                  <li
                    key={party.id}
                    className="grid grid-cols-1 gap-2 rounded-md bg-muted/50 p-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end"
                  >
                    <div className="min-w-0">
                      <span className="font-medium break-words">{name}</span>{" "}
                      <Badge variant="outline">{t(`parties.kinds.${value.kind}`)}</Badge>
                    </div>
                    <FormField
                      control={form.control}
                      name={`parties.${index}.side`}
                      render={({ field }) => (
                        <FormItem>
                          <FormLabel>{t("parties.sideOf", { name })}</FormLabel>
                          <FormControl>
                            <Input
                              {...field}
                              autoComplete="off"
                              maxLength={FIELD_LIMITS.conflictParty.side.max}
                            />
                          </FormControl>
                          <FormMessage />
                        </FormItem>
                      )}
                    />
                    <Button
                      type="button"
                      variant="outline"
                      size="sm"
                      aria-label={t("parties.removeOf", { name })}
                      onClick={() => parties.remove(index)}
                    >
                      {t("parties.remove")}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
          {partiesMessage ? (
            <p className="text-sm font-medium text-destructive" role="alert">
              {partiesMessage}
            </p>
          ) : null}

          <GroupPicker
            label={t("parties.group")}
            exclude={partyValues.filter((p) => p.kind === "group").map((p) => p.id)}
            onPick={(g) => add("group", g.id, g.name)}
          />

          <PersonPicker
            label={t("parties.person")}
            exclude={partyValues.filter((p) => p.kind === "individual").map((p) => p.id)}
            onPick={(p) => add("individual", p.id, p.name)}
          />
        </fieldset>

        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={busy}>
            {busy ? t("saving") : t("save")}
          </Button>
          <Link
            href="/conflicts"
            className="inline-flex min-h-9 items-center text-sm underline underline-offset-4"
          >
            {t("cancel")}
          </Link>
        </div>
      </form>
    </Form>
  );
}
