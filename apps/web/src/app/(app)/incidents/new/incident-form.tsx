"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { createIncidentInput } from "@truce/api/schemas/incident";
import { INCIDENT_KINDS, INCIDENT_PARTY_ROLES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  Alert,
  AlertDescription,
  Button,
  DateTimeField,
  ErrorState,
  Form,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  Label,
  LoadingState,
  localDateTime,
  NativeSelect,
  NativeSelectField,
  TextareaField,
  useErrorMessage,
  useServerForm,
} from "@truce/ui";
import { GroupPicker, PersonPicker, RecordChoiceField } from "~/components/record-picker";
import { useTRPC } from "~/trpc/react";

/**
 * Records an incident: the form waits for its choices (the districts in use); its conflict and
 * its parties are found by name as the user types.
 */
export function IncidentForm() {
  const t = useTranslations("incidents");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const options = useQuery(trpc.incident.formOptions.queryOptions());
  if (options.isPending) return <LoadingState label={t("loading")} />;
  if (options.isError) {
    return <ErrorState title={t("optionsError")} description={errorMessage(options.error)} />;
  }
  return <IncidentFormFields options={options.data} />;
}

function IncidentFormFields({ options }: { options: { districts: string[] } }) {
  const t = useTranslations("incidents");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // The names of the people and groups picked as parties, for the list (the form holds ids).
  const [names, setNames] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.incident.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries(trpc.incident.list.pathFilter());
        router.push(`/incidents/${id}`);
      },
    }),
  );
  const { form, formError, onSubmit } = useServerForm({
    schema: createIncidentInput,
    defaultValues: {
      kind: undefined,
      occurredAt: localDateTime(),
      district: "",
      dead: 0,
      injured: 0,
      conflictId: "",
      summary: "",
      parties: [],
    },
    submit: (values) => create.mutateAsync(values),
  });
  const parties = useFieldArray({ control: form.control, name: "parties" });
  const partyIds = parties.fields.map((p) => p.individualId ?? p.groupId ?? "");
  const partiesError = form.formState.errors.parties;
  const partiesMessage =
    partiesError?.message ??
    (Array.isArray(partiesError) ? partiesError.find((e) => e)?.individualId?.message : undefined);

  return (
    <Form {...form}>
      <form noValidate className="space-y-6" onSubmit={(event) => void onSubmit(event)}>
        {formError ? (
          <Alert variant="destructive">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <NativeSelectField
            control={form.control}
            name="kind"
            label={t("fields.kind")}
            options={[
              { value: "", label: t("choose") },
              ...INCIDENT_KINDS.map((k) => ({ value: k, label: tEnum(`incidentKind.${k}`) })),
            ]}
          />
          <DateTimeField control={form.control} name="occurredAt" label={t("fields.occurredAt")} />
          <FormField
            control={form.control}
            name="district"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("fields.district")}</FormLabel>
                <FormControl>
                  <Input
                    {...field}
                    list="incident-districts"
                    autoComplete="off"
                    maxLength={FIELD_LIMITS.incident.district.max}
                  />
                </FormControl>
                <datalist id="incident-districts">
                  {options.districts.map((d) => (
                    <option key={d} value={d} />
                  ))}
                </datalist>
                <FormMessage />
              </FormItem>
            )}
          />
          <RecordChoiceField
            control={form.control}
            name="conflictId"
            kind="conflict"
            open
            label={t("fields.conflict")}
          />
          {(["dead", "injured"] as const).map((name) => (
            <FormField
              key={name}
              control={form.control}
              name={name}
              render={({ field }) => (
                <FormItem>
                  <FormLabel>{t(`fields.${name}`)}</FormLabel>
                  <FormControl>
                    <Input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={FIELD_LIMITS.incidentCasualties.max}
                      name={field.name}
                      ref={field.ref}
                      onBlur={field.onBlur}
                      value={String(field.value ?? "")}
                      onChange={field.onChange}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
          ))}
          <TextareaField
            control={form.control}
            name="summary"
            label={t("fields.summary")}
            maxLength={FIELD_LIMITS.incident.summary.max}
            className="sm:col-span-2"
          />
        </div>

        <fieldset className="space-y-4 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">{t("parties.title")}</legend>
          {parties.fields.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("parties.empty")}</p>
          ) : (
            <ul className="space-y-2" aria-label={t("parties.title")}>
              {parties.fields.map((party, index) => {
                const partyId = party.individualId ?? party.groupId ?? "";
                const name = names[partyId] ?? partyId;
                return (
                  <li
                    key={party.id}
                    className="flex flex-wrap items-end gap-3"
                    data-testid="incident-party"
                  >
                    <span className="min-w-40 flex-1 py-2">
                      {name}{" "}
                      <span className="text-muted-foreground">
                        ({party.individualId ? t("parties.person") : t("parties.group")})
                      </span>
                    </span>
                    <div className="grid gap-1.5">
                      <Label htmlFor={`party-role-${index}`}>{t("parties.role")}</Label>
                      <NativeSelect
                        id={`party-role-${index}`}
                        {...form.register(`parties.${index}.role`)}
                      >
                        {INCIDENT_PARTY_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {tEnum(`incidentPartyRole.${r}`)}
                          </option>
                        ))}
                      </NativeSelect>
                    </div>
                    <Button
                      type="button"
                      variant="outline"
                      aria-label={t("parties.removeNamed", { name })}
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
            <p className="text-sm text-destructive">{String(partiesMessage)}</p>
          ) : null}
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <PersonPicker
              label={t("parties.addPerson")}
              exclude={partyIds}
              onPick={(person) => {
                setNames((known) => ({
                  ...known,
                  [person.id]: person.name,
                }));
                parties.append({ individualId: person.id, role: "victim" });
              }}
            />
            <GroupPicker
              label={t("parties.addGroup")}
              exclude={partyIds}
              onPick={(picked) => {
                setNames((known) => ({ ...known, [picked.id]: picked.name }));
                parties.append({ groupId: picked.id, role: "linked" });
              }}
            />
          </div>
        </fieldset>

        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={form.formState.isSubmitting || create.isPending}>
            {form.formState.isSubmitting || create.isPending ? t("saving") : t("save")}
          </Button>
          <Link
            href="/incidents"
            className="inline-flex min-h-9 items-center text-sm underline underline-offset-4"
          >
            {t("cancel")}
          </Link>
        </div>
      </form>
    </Form>
  );
}
