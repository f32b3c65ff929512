"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import type { AdminRouterOutputs } from "@truce/api";
import {
  PROGRAMME_START_DAYS,
  TWO_FACTOR_SETTINGS,
  updatePlatformSettingInput,
  type PlatformSettingField,
} from "@truce/api/schemas/platform-setting";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  Alert,
  AlertDescription,
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertTitle,
  Button,
  Card,
  CardContent,
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
  useErrorMessage,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

type Setting = AdminRouterOutputs["platformSetting"]["get"];
type TwoFactorSetting = (typeof TWO_FACTOR_SETTINGS)[number];

/** The settings as the form holds them: an empty input for a start that is not set. */
function formValues(s: Setting) {
  return {
    mfaRequiredForAdmins: s.mfaRequiredForAdmins,
    mfaRequiredForEveryone: s.mfaRequiredForEveryone,
    reviewPeriodMonths: s.reviewPeriodMonths,
    programmeStartedOn: s.programmeStartedOn ?? "",
    version: s.version,
  };
}

export function SettingsForm() {
  const t = useTranslations("settings");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const setting = useQuery(trpc.platformSetting.get.queryOptions());
  if (setting.isPending) return <LoadingState label={t("loading")} />;
  if (setting.isError) {
    return <ErrorState title={t("error")} description={errorMessage(setting.error)} />;
  }
  return <SettingsFields setting={setting.data} refetch={() => setting.refetch()} />;
}

/**
 * All the settings in one form, saved together from the version it was loaded with: a stale
 * save is refused, what was chosen stays, and what someone else changed is listed. Turning
 * a two-factor requirement off asks first, and the server refuses it unconfirmed.
 */
function SettingsFields({ setting, refetch }: { setting: Setting; refetch: () => unknown }) {
  const t = useTranslations("settings");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.platformSetting.update.mutationOptions());
  const [relaxing, setRelaxing] = useState<TwoFactorSetting[]>([]);
  const [saved, setSaved] = useState(false);
  // Whether the person confirmed turning two-factor sign-in off for the save under way.
  const confirmed = useRef(false);
  const values = formValues(setting);
  const { version: _version, ...fields } = values;
  const { form, formError, onSubmit, changedMeanwhile } = useServerForm({
    schema: updatePlatformSettingInput,
    defaultValues: fields,
    values,
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (checked) => {
      await update.mutateAsync({ ...checked, relaxTwoFactor: confirmed.current });
      await queryClient.invalidateQueries(trpc.platformSetting.get.queryFilter());
    },
  });

  const save = async () => {
    setSaved(false);
    const done = await onSubmit();
    confirmed.current = false;
    setSaved(done);
  };
  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!(await form.trigger())) return;
    const chosen = form.getValues();
    const relaxed = TWO_FACTOR_SETTINGS.filter((name) => setting[name] && !chosen[name]);
    if (relaxed.length > 0) setRelaxing(relaxed);
    else await save();
  };

  const changedAt = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const shown = (name: PlatformSettingField, value: unknown) =>
    typeof value === "boolean"
      ? value
        ? t("required")
        : t("notRequired")
      : name === "programmeStartedOn" && !value
        ? t("notSet")
        : String(value);

  return (
    <Card>
      <CardContent className="pt-6">
        <Form {...form}>
          <form noValidate className="max-w-2xl space-y-6" onSubmit={(e) => void onSave(e)}>
            {formError ? (
              <Alert variant="destructive" data-testid="form-error">
                <AlertDescription>{formError}</AlertDescription>
              </Alert>
            ) : null}
            {changedMeanwhile.length > 0 ? (
              <Alert variant="warning" data-testid="changed-meanwhile">
                <AlertTitle>{t("changedMeanwhile")}</AlertTitle>
                <AlertDescription>
                  <ul className="list-disc pl-5">
                    {changedMeanwhile.map((c) => (
                      <li key={c.name}>
                        {t(`fields.${c.name as PlatformSettingField}`)}:{" "}
                        {shown(c.name as PlatformSettingField, c.now)}
                      </li>
                    ))}
                  </ul>
                </AlertDescription>
              </Alert>
            ) : null}

            <div className="grid gap-6 sm:grid-cols-2">
              <FormField
                control={form.control}
                name="programmeStartedOn"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("fields.programmeStartedOn")}</FormLabel>
                    <FormControl>
                      <Input
                        type="date"
                        min={PROGRAMME_START_DAYS.first}
                        max={PROGRAMME_START_DAYS.last}
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={field.value ?? ""}
                        onChange={field.onChange}
                      />
                    </FormControl>
                    <FormDescription>{t("hints.programmeStartedOn")}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="reviewPeriodMonths"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("fields.reviewPeriodMonths")}</FormLabel>
                    <FormControl>
                      <Input
                        type="number"
                        inputMode="numeric"
                        min={FIELD_LIMITS.reviewPeriod.min}
                        max={FIELD_LIMITS.reviewPeriod.max}
                        name={field.name}
                        ref={field.ref}
                        onBlur={field.onBlur}
                        value={String(field.value ?? "")}
                        onChange={field.onChange}
                      />
                    </FormControl>
                    <FormDescription>{t("hints.reviewPeriodMonths")}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
            </div>

            <fieldset className="space-y-4">
              <legend className="text-sm font-medium">{t("twoFactor")}</legend>
              <p className="text-sm text-muted-foreground">{t("hints.twoFactor")}</p>
              {TWO_FACTOR_SETTINGS.map((name) => (
                <FormField
                  key={name}
                  control={form.control}
                  name={name}
                  render={({ field }) => (
                    <FormItem>
                      <div className="flex items-center gap-2">
                        <FormControl>
                          <input
                            type="checkbox"
                            className="size-4 accent-primary"
                            name={field.name}
                            ref={field.ref}
                            onBlur={field.onBlur}
                            checked={field.value}
                            onChange={(event) => field.onChange(event.target.checked)}
                          />
                        </FormControl>
                        <FormLabel>{t(`fields.${name}`)}</FormLabel>
                      </div>
                      <FormDescription>{t(`hints.${name}`)}</FormDescription>
                      <FormMessage />
                    </FormItem>
                  )}
                />
              ))}
            </fieldset>

            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? t("saving") : t("save")}
              </Button>
              {saved ? (
                <p className="text-sm" role="status">
                  {t("saved")}
                </p>
              ) : null}
            </div>
            <p className="text-sm text-muted-foreground">
              {setting.updatedAt
                ? setting.updatedByName
                  ? t("lastChanged", {
                      name: setting.updatedByName,
                      at: changedAt(setting.updatedAt),
                    })
                  : t("lastChangedAt", { at: changedAt(setting.updatedAt) })
                : t("neverChanged")}
            </p>
          </form>
        </Form>
      </CardContent>

      <AlertDialog
        open={relaxing.length > 0}
        onOpenChange={(open) => {
          if (!open) setRelaxing([]);
        }}
      >
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("confirmTitle")}</AlertDialogTitle>
            <AlertDialogDescription>{t("confirmDescription")}</AlertDialogDescription>
          </AlertDialogHeader>
          <ul className="list-disc pl-5 text-sm">
            {relaxing.map((name) => (
              <li key={name}>{t(`fields.${name}`)}</li>
            ))}
          </ul>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
            <AlertDialogAction
              onClick={() => {
                confirmed.current = true;
                void save();
              }}
            >
              {t("confirm")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </Card>
  );
}
