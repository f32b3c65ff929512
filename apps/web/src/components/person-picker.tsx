"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { Button, Input, Label } from "@truce/ui";
import { useTRPC } from "~/trpc/react";

export interface PickedPerson {
  id: string;
  givenName: string;
  familyName: string;
}

/**
 * Finds a person in the register by name (the register's own search, so names like the one
 * typed count too) and hands the chosen one to `onPick`. The results are buttons in a list:
 * reachable with Tab, chosen with Enter or Space, and announced as they change.
 */
export function PersonPicker({
  label,
  onPick,
  exclude = [],
}: {
  label: string;
  onPick: (person: PickedPerson) => void;
  /** People already chosen, left out of the results. */
  exclude?: string[];
}) {
  const t = useTranslations("personPicker");
  const trpc = useTRPC();
  const id = useId();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    ...trpc.individual.list.queryOptions({ search, page: 1, pageSize: 8 }),
    enabled: search.length >= 2,
  });
  const results = (found.data?.items ?? []).filter((p) => !exclude.includes(p.id));
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="search"
        value={typed}
        placeholder={t("placeholder")}
        autoComplete="off"
        maxLength={100}
        onChange={(event) => setTyped(event.target.value)}
      />
      <div aria-live="polite" className="text-sm">
        {search.length < 2 ? null : found.isPending ? (
          <p className="text-muted-foreground">{t("searching")}</p>
        ) : results.length === 0 ? (
          <p className="text-muted-foreground">{t("none")}</p>
        ) : (
          <ul className="divide-y rounded-md border" aria-label={t("results")}>
            {results.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 px-3 py-1.5">
                <span>
                  {p.familyName}, {p.givenName}{" "}
                  <span className="text-muted-foreground">{p.district}</span>
                </span>
                <Button
                  type="button"
                  size="sm"
                  variant="outline"
                  aria-label={t("pickNamed", { name: `${p.givenName} ${p.familyName}` })}
                  onClick={() => {
                    onPick({ id: p.id, givenName: p.givenName, familyName: p.familyName });
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
