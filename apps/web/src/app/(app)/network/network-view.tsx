"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { NETWORK_BOUNDS } from "@truce/api/schemas/network";
import { CONFLICT_STATUSES } from "@truce/db/enum-values";
import {
  Alert,
  AlertDescription,
  EmptyState,
  ErrorState,
  Label,
  LoadingState,
  NativeSelect,
  useErrorMessage,
  useUrlPlace,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";
import { NetworkLegend } from "./network-legend";
import { NetworkPicture } from "./network-picture";
import {
  ALLIANCE_CHOICES,
  graphInput,
  networkHref,
  normalStatuses,
  readNetworkPlace,
  shownStatuses,
  type AllianceChoice,
} from "./network-place";
import { NetworkTable } from "./network-table";

const TABLE_ID = "network-table";

/** The network page below its header: the filters in the address, the picture, the table. */
export function NetworkView() {
  const t = useTranslations("network");
  const tEnum = useTranslations("enums");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const { place, go } = useUrlPlace(readNetworkPlace, networkHref);
  const query = useQuery(
    trpc.network.graph.queryOptions(graphInput(place), { placeholderData: keepPreviousData }),
  );
  // The area filter's choices: read once and kept while the page is open, not with every
  // picture the filters ask for.
  const areas = useQuery(trpc.network.areas.queryOptions(undefined, { staleTime: 10 * 60_000 }));

  const statuses = shownStatuses(place);
  const toggleStatus = (status: (typeof CONFLICT_STATUSES)[number], on: boolean) =>
    go({
      ...place,
      statuses: normalStatuses(on ? [...statuses, status] : statuses.filter((s) => s !== status)),
    });
  const graph = query.data;
  const filtered = place.area !== undefined || place.statuses !== undefined;

  return (
    <div className="space-y-6">
      <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_2fr_1fr]">
        <legend className="sr-only">{t("filters.legend")}</legend>
        <div className="grid content-start gap-1.5">
          <Label htmlFor="network-area">{t("filters.area")}</Label>
          <NativeSelect
            id="network-area"
            value={place.area ?? ""}
            onChange={(event) => go({ ...place, area: event.target.value || undefined })}
          >
            <option value="">{t("filters.allAreas")}</option>
            {/* The chosen area stays offered while the list of areas loads. */}
            {[...new Set([...(place.area ? [place.area] : []), ...(areas.data ?? [])])]
              .sort()
              .map((area) => (
                <option key={area} value={area}>
                  {area}
                </option>
              ))}
          </NativeSelect>
        </div>
        <fieldset className="grid content-start gap-1.5">
          <legend className="mb-1.5 text-sm leading-none font-medium">
            {t("filters.statuses")}
          </legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {CONFLICT_STATUSES.map((status) => (
              <label key={status} className="flex min-h-6 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-primary"
                  checked={statuses.includes(status)}
                  onChange={(event) => toggleStatus(status, event.target.checked)}
                />
                {tEnum(`conflictStatus.${status}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid content-start gap-1.5">
          <Label htmlFor="network-alliances">{t("filters.alliances")}</Label>
          <NativeSelect
            id="network-alliances"
            value={place.alliances}
            onChange={(event) => go({ ...place, alliances: event.target.value as AllianceChoice })}
          >
            {ALLIANCE_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`filters.allianceChoices.${choice}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      </fieldset>

      {query.isError ? (
        <ErrorState
          title={t("error")}
          description={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
          retryLabel={t("retry")}
        />
      ) : !graph ? (
        <LoadingState label={t("loading")} />
      ) : graph.nodes.length === 0 ? (
        <EmptyState
          title={filtered ? t("empty") : t("emptyRegister")}
          description={filtered ? t("emptyHint") : undefined}
        />
      ) : (
        <div className="space-y-6" aria-busy={query.isPlaceholderData || undefined}>
          <Summary graph={graph} />
          {graph.truncated ? (
            <Alert variant="warning">
              <AlertDescription>{t("truncated", NETWORK_BOUNDS)}</AlertDescription>
            </Alert>
          ) : null}
          <a
            href={`#${TABLE_ID}`}
            className="sr-only rounded-md bg-background px-3 py-2 text-sm font-medium underline focus:not-sr-only focus:inline-block"
          >
            {t("skipToTable")}
          </a>
          <NetworkPicture graph={graph} />
          <NetworkLegend />
          <NetworkTable id={TABLE_ID} graph={graph} />
        </div>
      )}
    </div>
  );
}

/** What the picture shows, in words: the canvas itself is hidden from screen readers. */
function Summary({ graph }: { graph: WebRouterOutputs["network"]["graph"] }) {
  const t = useTranslations("network");
  const conflicts = new Set(
    graph.edges.flatMap((e) => (e.kind === "conflict" ? [e.conflictId] : [])),
  ).size;
  const alliances = graph.edges.filter((e) => e.kind === "alliance").length;
  return (
    <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="network-summary">
      {t("summary", { groups: graph.nodes.length, conflicts, alliances })}
    </p>
  );
}
