"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { Skeleton } from "@truce/ui";

type Graph = WebRouterOutputs["network"]["graph"];

// Cytoscape touches `window` and measures the page, so it is loaded in the browser only, and
// only here: neither the server render nor the first load of another page carries it.
const NetworkCanvas = dynamic(() => import("./network-canvas"), {
  ssr: false,
  loading: () => <Skeleton className="size-full" />,
});

/**
 * The picture's frame. Its counts are in `data-node-count` and `data-edge-count`: the
 * browser tests run the production build, which exposes no test hook into the canvas, so
 * they check the counts here and follow the same links through the table.
 */
export function NetworkPicture({ graph }: { graph: Graph }) {
  const t = useTranslations("network");
  return (
    <div
      data-testid="network-picture"
      data-node-count={graph.nodes.length}
      data-edge-count={graph.edges.length}
      className="h-80 w-full min-w-0 overflow-hidden rounded-lg border bg-card sm:h-[32rem]"
    >
      <NetworkCanvas
        graph={graph}
        labels={{ zoomIn: t("zoomIn"), zoomOut: t("zoomOut"), fit: t("fit") }}
      />
    </div>
  );
}
