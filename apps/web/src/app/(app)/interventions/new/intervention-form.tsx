"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import {
  createInterventionInput,
  defaultInterventionVisibility,
  KINDS_WITH_PEOPLE,
} from "@truce/api/schemas/intervention";
import {
  CONVERSATION_CHANNELS,
  DELIVERY_RESULTS,
  ENFORCEMENT_KINDS,
  INTERVENTION_KINDS,
  INTERVENTION_STATUSES,
  VISIBILITIES,
} from "@truce/db/enum-values";
import type { WebRouterOutputs } from "@truce/api";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  Alert,
  AlertDescription,
  Button,
  DateTimeField,
  ErrorState,
  Form,
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  LoadingState,
  localDateTime,
  NativeSelect,
  NativeSelectField,
  TextareaField,
  useErrorMessage,
  useServerForm,
} from "@truce/ui";
import { PersonPicker, RecordChoiceField } from "~/components/record-picker";
import { useTRPC } from "~/trpc/react";
import { ResponseSelect } from "../response-select";

/** What the address filled in: the person, group or conflict the form was opened from. */
export interface Prefill {
  individualId?: string;
  groupId?: string;
  conflictId?: string;
}

type Options = WebRouterOutputs["intervention"]["formOptions"];

/** Records an intervention: the form waits for its choices and, if opened from one, the person. */
export function InterventionForm({ prefill }: { prefill: Prefill }) {
  const t = useTranslations("interventions");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const options = useQuery(trpc.intervention.formOptions.queryOptions());
  const me = useQuery(trpc.session.me.queryOptions());
  const person = useQuery({
    ...trpc.individual.byId.queryOptions({ id: prefill.individualId ?? "" }),
    enabled: Boolean(prefill.individualId),
  });
  if (options.isPending || me.isPending || (prefill.individualId && person.isPending)) {
    return <LoadingState label={t("loading")} />;
  }
  const failed = options.error ?? me.error ?? person.error;
  if (failed) {
    return <ErrorState title={t("optionsError")} description={errorMessage(failed)} />;
  }
  if (!options.data || !me.data) return <LoadingState label={t("loading")} />;
  const agencyKind = me.data.membership?.agencyKind ?? "other";
  const first = person.data
    ? { id: person.data.id, name: `${person.data.givenName} ${person.data.familyName}` }
    : null;
  return (
    <InterventionFormFields
      options={options.data}
      visibility={defaultInterventionVisibility(agencyKind)}
      prefill={prefill}
      first={first}
    />
  );
}

function InterventionFormFields({
  options,
  visibility,
  prefill,
  first,
}: {
  options: Options;
  visibility: (typeof VISIBILITIES)[number];
  prefill: Prefill;
  first: { id: string; name: string } | null;
}) {
  const t = useTranslations("interventions");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // The names of the people picked (the form holds their ids).
  const [names, setNames] = useState<Record<string, string>>(
    first ? { [first.id]: first.name } : {},
  );
  const create = useMutation(
    trpc.intervention.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await queryClient.invalidateQueries(trpc.individual.timeline.pathFilter());
        router.push(`/interventions/${id}`);
      },
    }),
  );
  const { form, formError, onSubmit } = useServerForm({
    schema: createInterventionInput,
    defaultValues: {
      kind: undefined,
      status: "done",
      occurredAt: localDateTime(),
      enforcementKind: "",
      triggeringIncidentId: "",
      channel: "",
      deliveryResult: "",
      groupId: prefill.groupId ?? "",
      conflictId: prefill.conflictId ?? "",
      visibility,
      summary: "",
      message: "",
      result: "",
      participants: first ? [{ individualId: first.id, response: "" }] : [],
      agencyIds: [],
      speakers: [],
    },
    submit: (values) => create.mutateAsync(values),
  });
  const kind = form.watch("kind");
  const participants = useFieldArray({ control: form.control, name: "participants" });
  const speakers = useFieldArray({ control: form.control, name: "speakers" });
  const pickedIds = participants.fields.map((p) => p.individualId);
  const peopleError = form.formState.errors.participants;
  const peopleMessage =
    peopleError?.message ??
    (Array.isArray(peopleError) ? peopleError.find((e) => e)?.individualId?.message : undefined);
  const isCallIn = kind === "call_in";
  const choose = { value: "", label: t("choose") };
  const agencyOptions = [
    { value: "", label: t("speakers.noAgency") },
    ...options.agencies.map((a) => ({ value: a.id, label: a.name })),
  ];

  return (
    <Form {...form}>
      <form noValidate className="space-y-6" onSubmit={(event) => void onSubmit(event)}>
        {formError ? (
          <Alert variant="destructive">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormField
            control={form.control}
            name="kind"
            render={({ field }) => (
              <FormItem>
                <FormLabel>{t("fields.kind")}</FormLabel>
                <FormControl>
                  <NativeSelect {...field} value={field.value ?? ""}>
                    <option value="">{t("choose")}</option>
                    {INTERVENTION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {tEnum(`interventionKind.${k}`)}
                      </option>
                    ))}
                  </NativeSelect>
                </FormControl>
                <FormDescription>{t("hints.kind")}</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <NativeSelectField
            control={form.control}
            name="status"
            label={t("fields.status")}
            options={INTERVENTION_STATUSES.map((s) => ({
              value: s,
              label: tEnum(`interventionStatus.${s}`),
            }))}
          />
          <DateTimeField control={form.control} name="occurredAt" label={t("fields.occurredAt")} />
          {kind === "enforcement" ? (
            <>
              <NativeSelectField
                control={form.control}
                name="enforcementKind"
                label={t("fields.enforcementKind")}
                options={[
                  choose,
                  ...ENFORCEMENT_KINDS.map((k) => ({
                    value: k,
                    label: tEnum(`enforcementKind.${k}`),
                  })),
                ]}
              />
              <NativeSelectField
                control={form.control}
                name="triggeringIncidentId"
                label={t("fields.triggeringIncident")}
                options={[
                  { value: "", label: t("noIncident") },
                  ...options.incidents.map((i) => ({
                    value: i.id,
                    label: `${tEnum(`incidentKind.${i.kind}`)}, ${i.district}, ${format.dateTime(new Date(i.occurredAt), { dateStyle: "medium" })}`,
                  })),
                ]}
              />
            </>
          ) : null}
          {kind === "custom_notification" ? (
            <>
              <NativeSelectField
                control={form.control}
                name="channel"
                label={t("fields.channel")}
                options={[
                  choose,
                  ...CONVERSATION_CHANNELS.map((c) => ({
                    value: c,
                    label: tEnum(`conversationChannel.${c}`),
                  })),
                ]}
              />
              <NativeSelectField
                control={form.control}
                name="deliveryResult"
                label={t("fields.deliveryResult")}
                options={[
                  choose,
                  ...DELIVERY_RESULTS.map((d) => ({
                    value: d,
                    label: tEnum(`deliveryResult.${d}`),
                  })),
                ]}
              />
            </>
          ) : null}
          <RecordChoiceField
            control={form.control}
            name="groupId"
            kind="group"
            label={t("fields.group")}
          />
          <RecordChoiceField
            control={form.control}
            name="conflictId"
            kind="conflict"
            open
            label={t("fields.conflict")}
          />
          <FormField
            control={form.control}
            name="visibility"
            render={({ field }) => (
              <FormItem className="sm:col-span-2">
                <FormLabel>{t("fields.visibility")}</FormLabel>
                <FormControl>
                  <NativeSelect {...field} value={field.value ?? ""}>
                    {VISIBILITIES.map((v) => (
                      <option key={v} value={v}>
                        {tEnum(`visibility.${v}`)}
                      </option>
                    ))}
                  </NativeSelect>
                </FormControl>
                <FormDescription>{t("hints.visibility")}</FormDescription>
                <FormMessage />
              </FormItem>
            )}
          />
          <TextareaField
            control={form.control}
            name="summary"
            label={t("fields.summary")}
            maxLength={FIELD_LIMITS.intervention.summary.max}
            className="sm:col-span-2"
          />
          {isCallIn || kind === "custom_notification" ? (
            <TextareaField
              control={form.control}
              name="message"
              label={t("fields.message")}
              maxLength={FIELD_LIMITS.intervention.message.max}
              className="sm:col-span-2"
            />
          ) : null}
          <TextareaField
            control={form.control}
            name="result"
            label={t("fields.result")}
            maxLength={FIELD_LIMITS.intervention.result.max}
            className="sm:col-span-2"
          />
        </div>

        <fieldset className="space-y-4 rounded-lg border p-4">
          <legend className="px-1 text-sm font-medium">
            {isCallIn ? t("people.invited") : t("people.title")}
          </legend>
          {participants.fields.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("people.empty")}</p>
          ) : (
            <ul className="space-y-2" aria-label={t("people.title")}>
              {participants.fields.map((p, index) => {
                const name = names[p.individualId] ?? p.individualId;
                return (
                  <li
                    key={p.id}
                    className="flex flex-wrap items-end gap-3"
                    data-testid="intervention-participant"
                  >
                    <span className="min-w-40 flex-1 py-2 break-words">{name}</span>
                    <ResponseSelect
                      id={`participant-response-${index}`}
                      label={t("people.responseOf", { name })}
                      {...form.register(`participants.${index}.response`)}
                    />
                    <Button
                      type="button"
                      variant="outline"
                      aria-label={t("people.removeNamed", { name })}
                      onClick={() => participants.remove(index)}
                    >
                      {t("people.remove")}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
          {peopleMessage ? (
            <p className="text-sm text-destructive" data-testid="participants-error">
              {String(peopleMessage)}
            </p>
          ) : null}
          <PersonPicker
            label={t("people.add")}
            exclude={pickedIds}
            onPick={(picked) => {
              setNames((known) => ({
                ...known,
                [picked.id]: picked.name,
              }));
              participants.append({ individualId: picked.id, response: "" });
              if (kind && KINDS_WITH_PEOPLE.includes(kind)) void form.trigger("participants");
            }}
          />
        </fieldset>

        {isCallIn ? (
          <>
            <FormField
              control={form.control}
              name="agencyIds"
              render={({ field }) => {
                const chosen = field.value ?? [];
                return (
                  <FormItem>
                    <fieldset className="space-y-2 rounded-lg border p-4">
                      <legend className="px-1 text-sm font-medium">{t("agencies.title")}</legend>
                      <div className="flex flex-wrap gap-x-4 gap-y-2">
                        {options.agencies.map((a) => (
                          <label key={a.id} className="flex min-h-6 items-center gap-2 text-sm">
                            <input
                              type="checkbox"
                              className="size-4 accent-primary"
                              checked={chosen.includes(a.id)}
                              onChange={(event) =>
                                field.onChange(
                                  event.target.checked
                                    ? [...chosen, a.id]
                                    : chosen.filter((id) => id !== a.id),
                                )
                              }
                            />
                            {a.name}
                          </label>
                        ))}
                      </div>
                    </fieldset>
                    <FormMessage />
                  </FormItem>
                );
              }}
            />
            <fieldset className="space-y-4 rounded-lg border p-4">
              <legend className="px-1 text-sm font-medium">{t("speakers.title")}</legend>
              {speakers.fields.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("speakers.empty")}</p>
              ) : (
                <ol className="space-y-4">
                  {speakers.fields.map((s, index) => (
                    <li
                      key={s.id}
                      className="grid grid-cols-1 items-end gap-3 sm:grid-cols-[1fr_1fr_1fr_auto]"
                      aria-label={t("speakers.numbered", { number: index + 1 })}
                    >
                      <FormField
                        control={form.control}
                        name={`speakers.${index}.name`}
                        render={({ field }) => (
                          <FormItem>
                            <FormLabel>{t("speakers.name")}</FormLabel>
                            <FormControl>
                              <Input
                                {...field}
                                maxLength={FIELD_LIMITS.interventionSpeaker.name.max}
                              />
                            </FormControl>
                            <FormMessage />
                          </FormItem>
                        )}
                      />
                      <FormField
                        control={form.control}
                        name={`speakers.${index}.role`}
                        render={({ field }) => (
                          <FormItem>
                            <FormLabel>{t("speakers.role")}</FormLabel>
                            <FormControl>
                              <Input
                                {...field}
                                maxLength={FIELD_LIMITS.interventionSpeaker.role.max}
                              />
                            </FormControl>
                            <FormMessage />
                          </FormItem>
                        )}
                      />
                      <NativeSelectField
                        control={form.control}
                        name={`speakers.${index}.agencyId`}
                        label={t("speakers.agency")}
                        options={agencyOptions}
                      />
                      <Button
                        type="button"
                        variant="outline"
                        aria-label={t("speakers.removeNumbered", { number: index + 1 })}
                        onClick={() => speakers.remove(index)}
                      >
                        {t("speakers.remove")}
                      </Button>
                    </li>
                  ))}
                </ol>
              )}
              <Button
                type="button"
                variant="outline"
                disabled={speakers.fields.length >= FIELD_LIMITS.interventionSpeakers.max}
                onClick={() => speakers.append({ name: "", role: "", agencyId: "" })}
              >
                {t("speakers.add")}
              </Button>
            </fieldset>
          </>
        ) : null}

        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={form.formState.isSubmitting || create.isPending}>
            {form.formState.isSubmitting || create.isPending ? t("saving") : t("save")}
          </Button>
          <Link
            href={cancelHref(prefill)}
            className="inline-flex min-h-9 items-center text-sm underline underline-offset-4"
          >
            {t("cancel")}
          </Link>
        </div>
      </form>
    </Form>
  );
}

/** Back where the form was opened from. */
function cancelHref(prefill: Prefill): string {
  if (prefill.individualId) return `/individuals/${prefill.individualId}`;
  if (prefill.groupId) return `/groups/${prefill.groupId}`;
  if (prefill.conflictId) return `/conflicts/${prefill.conflictId}`;
  return "/";
}
