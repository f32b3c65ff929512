"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createAgencyInput } from "@truce/api/schemas/agency";
import { AGENCY_KINDS } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  Alert,
  AlertDescription,
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  Form,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  SelectField,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/**
 * A platform admin adds an agency to the programme. The template of a form: the
 * procedure's own schema checks it in the browser, and whatever the server refuses comes
 * back onto the fields or as one message, without losing what was typed.
 */
export function NewAgencyForm() {
  const t = useTranslations("newAgency");
  const tKind = useTranslations("enums.agencyKind");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.agency.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.agency.list.pathFilter()),
    }),
  );
  const { form, formError, onSubmit } = useServerForm({
    schema: createAgencyInput,
    defaultValues: { name: "", kind: "other" },
    submit: (values) => create.mutateAsync(values),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form noValidate className="flex flex-wrap items-start gap-3" onSubmit={onSubmit}>
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem className="min-w-64">
                  <FormLabel>{t("name")}</FormLabel>
                  <FormControl>
                    <Input {...field} maxLength={FIELD_LIMITS.agency.name.max} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <SelectField
              control={form.control}
              name="kind"
              label={t("kind")}
              className="w-52"
              options={AGENCY_KINDS.map((kind) => ({ value: kind, label: tKind(kind) }))}
            />
            <Button type="submit" className="mt-6" disabled={create.isPending}>
              {create.isPending ? t("submitting") : t("submit")}
            </Button>
          </form>
        </Form>
        {formError ? (
          <Alert variant="destructive" className="mt-3">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        ) : null}
        {create.isSuccess ? (
          <p className="mt-3 text-sm" role="status">
            {t("created", { name: create.data.name })}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
