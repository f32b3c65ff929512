"use client";

import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { addGroupMemberInput } from "@truce/api/schemas/group";
import { AFFILIATIONS } from "@truce/db/enum-values";
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
  Input,
  Label,
  NativeSelectField,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { today } from "~/components/today";

/** How many people a search offers to choose from; a longer name narrows it. */
const CHOICES = 8;

/** The search as typed, once the typing pauses. */
function useDebounced(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Adds someone to the group: a search of the register by name (individual.list's, so only the
 * people the agency sees), a choice among those found, the affiliation and the start.
 */
export function AddMemberDialog({ groupId, groupName }: { groupId: string; groupName: string }) {
  const t = useTranslations("groups.addMember");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const settled = useDebounced(search.trim());
  const found = useQuery(
    trpc.individual.list.queryOptions(
      open && settled.length >= 2 ? { search: settled, pageSize: CHOICES } : skipToken,
      { placeholderData: keepPreviousData },
    ),
  );
  const mutation = useMutation(trpc.group.addMember.mutationOptions());
  const start = {
    individualId: "",
    affiliation: "member" as const,
    fromOn: today(),
    source: "",
  };
  const server = useServerForm({
    schema: addGroupMemberInput,
    defaultValues: start,
    values: { groupId, ...start },
    submit: async (values) => {
      await mutation.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(trpc.group.byId.queryFilter({ id: groupId })),
        queryClient.invalidateQueries(trpc.group.list.pathFilter()),
      ]);
    },
  });
  const { form } = server;
  const picked = form.watch("individualId");
  return (
    <FormDialog
      trigger={<Button>{t("trigger")}</Button>}
      title={t("title")}
      description={t("description", { group: groupName })}
      server={server}
      open={open}
      onOpenChange={setOpen}
      onOpen={() => {
        setSearch("");
        form.reset({ groupId, ...start });
      }}
      submitLabel={t("confirm")}
      cancelLabel={t("cancel")}
      submitDisabled={!picked}
      className="max-h-[90dvh] overflow-y-auto"
    >
      <div className="grid gap-1.5">
        <Label htmlFor="member-search">{t("search")}</Label>
        <Input
          id="member-search"
          type="search"
          value={search}
          autoComplete="off"
          maxLength={FIELD_LIMITS.search.max}
          placeholder={t("searchPlaceholder")}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <FormField
        control={form.control}
        name="individualId"
        render={({ field }) => (
          <FormItem>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">{t("person")}</legend>
              {settled.length < 2 ? (
                <p className="text-sm text-muted-foreground">{t("typeToSearch")}</p>
              ) : found.isError ? (
                <p className="text-sm text-destructive">{t("searchError")}</p>
              ) : !found.data ? (
                <p className="text-sm text-muted-foreground" role="status">
                  {t("searching")}
                </p>
              ) : found.data.items.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("noneFound")}</p>
              ) : (
                <ul className="space-y-1" aria-live="polite">
                  {found.data.items.map((p) => (
                    <li key={p.id}>
                      <label className="flex min-h-8 cursor-pointer items-center gap-2 rounded-md px-2 py-1 hover:bg-muted has-[:checked]:bg-muted">
                        <input
                          type="radio"
                          name={field.name}
                          value={p.id}
                          checked={field.value === p.id}
                          onChange={() => field.onChange(p.id)}
                          onBlur={field.onBlur}
                          className="size-4 shrink-0"
                        />
                        <span className="min-w-0 break-words">
                          {p.familyName}, {p.givenName}
                          <span className="text-muted-foreground"> · {p.district}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
            <FormMessage />
          </FormItem>
        )}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <NativeSelectField
          control={form.control}
          name="affiliation"
          label={t("affiliation")}
          options={AFFILIATIONS.map((a) => ({ value: a, label: tEnum(`affiliation.${a}`) }))}
        />
        <FormField
          control={form.control}
          name="fromOn"
          render={({ field }) => (
            <FormItem>
              <FormLabel>{t("fromOn")}</FormLabel>
              <FormControl>
                <Input type="date" {...field} value={field.value ?? ""} max={today()} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="source"
          render={({ field }) => (
            <FormItem className="sm:col-span-2">
              <FormLabel>{t("source")}</FormLabel>
              <FormControl>
                <Input
                  {...field}
                  value={field.value ?? ""}
                  autoComplete="off"
                  maxLength={FIELD_LIMITS.groupMembership.source.max}
                />
              </FormControl>
              <FormDescription>{t("sourceHint")}</FormDescription>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
    </FormDialog>
  );
}
