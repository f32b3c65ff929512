"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { Button, FormField, FormItem, FormMessage, Input, Label } from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/** What a picker hands over: the record's id and the name the form shows for it. */
export interface Picked {
  id: string;
  name: string;
}

/** A result of a picker's search: the record, its name, and a detail that tells it apart. */
interface Found extends Picked {
  detail: string;
}

type Kind = "person" | "group" | "conflict";

/** How many characters are typed before a picker searches. */
const MIN_SEARCH = 2;
/** How many results a person picker shows (the group and conflict lookups have their own). */
const PEOPLE_SHOWN = 8;

interface Results {
  found: Found[];
  isPending: boolean;
  isError: boolean;
}

/** The register's own search, so names like the one typed count too. */
function usePeople(search: string): Results {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.individual.list.queryOptions({ search, page: 1, pageSize: PEOPLE_SHOWN }),
    enabled: search.length >= MIN_SEARCH,
  });
  return {
    found: (query.data?.items ?? []).map((p) => ({
      id: p.id,
      name: `${p.givenName} ${p.familyName}`,
      detail: p.district,
    })),
    isPending: query.isPending,
    isError: query.isError,
  };
}

function useGroups(search: string): Results {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.group.lookup.queryOptions({ search }),
    enabled: search.length >= MIN_SEARCH,
  });
  return {
    found: (query.data?.items ?? []).map((g) => ({ id: g.id, name: g.name, detail: g.area })),
    isPending: query.isPending,
    isError: query.isError,
  };
}

function useConflicts(search: string, open: boolean): Results {
  const trpc = useTRPC();
  const tEnum = useTranslations("enums");
  const query = useQuery({
    ...trpc.conflict.lookup.queryOptions({ search, open }),
    enabled: search.length >= MIN_SEARCH,
  });
  return {
    found: (query.data?.items ?? []).map((c) => ({
      id: c.id,
      name: c.title,
      detail: tEnum(`conflictStatus.${c.status}`),
    })),
    isPending: query.isPending,
    isError: query.isError,
  };
}

/**
 * Finds a record by typing part of its name and hands the chosen one to `onPick`: a person
 * in the register as the agency sees it, a group by name or alias, a conflict by title (the
 * open ones only if `open`). The search waits for a pause in the typing, asks the server for
 * a few matches (never a whole table in a select), and lists them as buttons: reachable with
 * Tab, chosen with Enter or Space, and announced as they change.
 */
function SearchPicker({
  kind,
  label,
  onPick,
  exclude = [],
  open = false,
  autoFocus = false,
}: {
  kind: Kind;
  label: string;
  onPick: (picked: Picked) => void;
  /** Records already chosen, left out of the results. */
  exclude?: string[];
  open?: boolean;
  autoFocus?: boolean;
}) {
  const t = useTranslations("picker");
  const id = useId();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  // Every search hook runs on every render (hooks keep their order); only this kind's asks.
  const people = usePeople(kind === "person" ? search : "");
  const groups = useGroups(kind === "group" ? search : "");
  const conflicts = useConflicts(kind === "conflict" ? search : "", open);
  const results = { person: people, group: groups, conflict: conflicts }[kind];
  const shown = results.found.filter((r) => !exclude.includes(r.id));
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="search"
        value={typed}
        placeholder={t(`${kind}.placeholder`)}
        autoComplete="off"
        autoFocus={autoFocus}
        maxLength={100}
        onChange={(event) => setTyped(event.target.value)}
      />
      <div aria-live="polite" className="text-sm">
        {search.length < MIN_SEARCH ? null : results.isError ? (
          <p className="text-destructive">{t("error")}</p>
        ) : results.isPending ? (
          <p className="text-muted-foreground">{t("searching")}</p>
        ) : shown.length === 0 ? (
          <p className="text-muted-foreground">{t(`${kind}.none`)}</p>
        ) : (
          <ul className="divide-y rounded-md border" aria-label={t(`${kind}.results`)}>
            {shown.map((r) => (
              <li key={r.id} className="flex items-center justify-between gap-2 px-3 py-1.5">
                <span className="min-w-0 break-words">
                  {r.name} <span className="text-muted-foreground">{r.detail}</span>
                </span>
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  aria-label={t("pickNamed", { name: r.name })}
                  onClick={() => {
                    onPick({ id: r.id, name: r.name });
                    setTyped("");
                    setSearch("");
                  }}
                >
                  {t("pick")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

type PickerProps = {
  label: string;
  onPick: (picked: Picked) => void;
  exclude?: string[];
};

/** Finds a person in the register by name or alias, as the agency sees the register. */
export function PersonPicker(props: PickerProps) {
  return <SearchPicker kind="person" {...props} />;
}

/** Finds a group by name or alias. */
export function GroupPicker(props: PickerProps) {
  return <SearchPicker kind="group" {...props} />;
}

/**
 * One chosen group or conflict, as a form field or a list's filter: with none chosen, a
 * picker; with one, its name and a button that takes it back (and returns to the search).
 * A value that came with the page (the address, a record being edited) is named by the
 * record's lookup, so a bookmark shows what it filters by.
 */
export function RecordChoice({
  kind,
  label,
  value,
  onChange,
  open = false,
}: {
  kind: "group" | "conflict";
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** For a conflict: offer the open ones only. */
  open?: boolean;
}) {
  const t = useTranslations("picker");
  const trpc = useTRPC();
  const labelId = useId();
  const [picked, setPicked] = useState<Picked | null>(null);
  // Set when the user takes the choice back, so that the search that replaces it has the focus.
  const [searchAgain, setSearchAgain] = useState(false);
  const known = value && picked?.id === value ? picked : null;
  const group = useQuery({
    ...trpc.group.lookup.queryOptions({ id: value }),
    enabled: kind === "group" && Boolean(value) && !known,
  });
  const conflict = useQuery({
    ...trpc.conflict.lookup.queryOptions({ id: value }),
    enabled: kind === "conflict" && Boolean(value) && !known,
  });
  if (!value) {
    return (
      <SearchPicker
        kind={kind}
        label={label}
        open={open}
        autoFocus={searchAgain}
        onPick={(choice) => {
          setPicked(choice);
          setSearchAgain(false);
          onChange(choice.id);
        }}
      />
    );
  }
  const lookup = kind === "group" ? group : conflict;
  const name =
    known?.name ??
    (kind === "group" ? group.data?.items[0]?.name : conflict.data?.items[0]?.title) ??
    null;
  return (
    <div className="grid gap-1.5" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="text-sm font-medium leading-none">
        {label}
      </span>
      <div className="flex min-h-9 flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-1">
        <span className="min-w-0 break-words text-sm">
          {name ?? (lookup.isPending ? t("searching") : t(`${kind}.unknown`))}
        </span>
        <Button
          type="button"
          size="sm"
          variant="outline"
          aria-label={t("clearNamed", { name: name ?? "" })}
          onClick={() => {
            setSearchAgain(true);
            setPicked(null);
            onChange(undefined);
          }}
        >
          {t("clear")}
        </Button>
      </div>
    </div>
  );
}

/**
 * A form's field holding one group's or conflict's id ("" for none, as the forms' schemas
 * take it), chosen with `RecordChoice`, with the field's error beneath.
 */
export function RecordChoiceField<TValues extends FieldValues, TChecked = TValues>({
  control,
  name,
  kind,
  label,
  open = false,
}: {
  control: Control<TValues, unknown, TChecked>;
  name: FieldPath<TValues>;
  kind: "group" | "conflict";
  label: string;
  open?: boolean;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <RecordChoice
            kind={kind}
            open={open}
            label={label}
            value={(field.value as string | undefined) || undefined}
            onChange={(value) => field.onChange(value ?? "")}
          />
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
