"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
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
} from "@truce/ui";
import { AGENCY_KINDS } from "@truce/db/enum-values";
import { useTRPC } from "~/trpc/react";

/** A platform admin adds an agency to the programme. */
export function NewAgencyForm() {
  const t = useTranslations("newAgency");
  const tKinds = useTranslations("agencies.kind");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schema = z.object({
    name: z.string().trim().min(2, t("validation.name")).max(120),
    kind: z.enum(AGENCY_KINDS),
  });
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", kind: "other" },
  });
  const create = useMutation(
    trpc.agency.create.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await queryClient.invalidateQueries(trpc.agency.list.pathFilter());
      },
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            noValidate
            className="flex flex-wrap items-start gap-3"
            onSubmit={form.handleSubmit((values) => create.mutate(values))}
          >
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem className="min-w-64">
                  <FormLabel>{t("name")}</FormLabel>
                  <FormControl>
                    <Input {...field} maxLength={120} />
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
              options={AGENCY_KINDS.map((k) => ({ value: k, label: tKinds(k) }))}
            />
            <Button type="submit" className="mt-6" disabled={create.isPending}>
              {create.isPending ? t("submitting") : t("submit")}
            </Button>
          </form>
        </Form>
        {create.isError ? (
          <Alert variant="destructive" className="mt-3">
            <AlertDescription>{create.error.message}</AlertDescription>
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
