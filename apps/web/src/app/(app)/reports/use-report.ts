"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslateMessage, useUrlPlace, type AddressParams, type ServerError } from "@truce/ui";
import type { ReportAudience } from "@truce/api/schemas/report";
import { downloadFile } from "@truce/ui/csv";
import { today } from "~/components/today";
import { useTRPC } from "~/trpc/react";
import type { PeriodContext } from "./period";

/** What a report's page reads its place with: its address, and its procedure's input. */
export interface ReportPlaceRules<P, I> {
  read: (params: AddressParams) => P;
  href: (pathname: string, place: P) => string;
  input: (place: P, context: PeriodContext) => I;
  /** The procedure's own input rule, so days of the user's own get its messages here. */
  schema: {
    safeParse: (value: I) => {
      success: boolean;
      error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> };
    };
  };
}

/**
 * A report's set-up, the same on every report's page: its filters in the address (shown at
 * once, the address following), the filters' choices and the programme's start
 * (`report.options`, read once while the page is open), the period read against today, and
 * the procedure's input, checked by its own rule: `valid` is whether to ask for the report,
 * `fieldError` the message of a day of the user's own.
 */
export function useReportPlace<P, I>(rules: ReportPlaceRules<P, I>) {
  const trpc = useTRPC();
  const translate = useTranslateMessage();
  const { place, go } = useUrlPlace(rules.read, rules.href);
  const options = useQuery(trpc.report.options.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  const context: PeriodContext = {
    today: today(),
    programmeStartedOn: options.data?.programmeStartedOn ?? null,
  };
  const input = rules.input(place, context);
  const checked = rules.schema.safeParse(input);
  const fieldError = (field: "from" | "to") => {
    const issue = checked.error?.issues.find((i) => i.path[0] === field);
    return issue ? translate(issue.message) : undefined;
  };
  const agencyName = (id: string | undefined) =>
    id ? (options.data?.agencies.find((a) => a.id === id)?.name ?? null) : null;
  return {
    place,
    go,
    options,
    context,
    input,
    valid: checked.success,
    fieldError,
    agencyName,
  };
}

/** An export's mutation, as useMutation gives it for a report's export procedure. */
interface ExportMutation<V, T> {
  mutate: (variables: V, callbacks: { onSuccess: (table: T) => void }) => void;
  isPending: boolean;
  error: ServerError | null;
}

/**
 * A report's exports: each asks the server for the table (which writes the access log's
 * row), writes it as a file in the user's language and hands it to the browser. What it
 * gives is ReportActions' props.
 */
export function useReportExport<I, T>(
  mutation: ExportMutation<I & { audience: ReportAudience }, T>,
  input: I,
  toFile: (table: T) => { fileName: string; text: string },
) {
  const [exported, setExported] = useState<string | null>(null);
  return {
    onExport: (audience: ReportAudience) => {
      setExported(null);
      mutation.mutate(
        { ...input, audience },
        {
          onSuccess: (table) => {
            const { fileName, text } = toFile(table);
            downloadFile(fileName, text);
            setExported(fileName);
          },
        },
      );
    },
    pending: mutation.isPending,
    error: mutation.error,
    exported,
  };
}
