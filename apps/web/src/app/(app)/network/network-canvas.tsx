"use client";

// Loaded only in the browser (`next/dynamic` with `ssr: false` in network-picture.tsx):
// Cytoscape measures its container and draws on canvases, so it never runs in the server
// render, and its code is fetched only by the page that draws it.
import cytoscape, { type ElementDefinition, type StylesheetJson } from "cytoscape";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { WebRouterOutputs } from "@truce/api";
import { Button } from "@truce/ui";
import {
  ALLIANCE_STYLE,
  CONFLICT_WIDTHS,
  ENDED_ALLIANCE_STYLE,
  GROUP_STYLES,
  nodeSize,
  RISK_COLOURS,
} from "./network-style";

type Graph = WebRouterOutputs["network"]["graph"];

export interface NetworkCanvasLabels {
  zoomIn: string;
  zoomOut: string;
  fit: string;
}

/** The graph as Cytoscape's elements, each carrying where a tap on it leads. */
function elementsOf(graph: Graph): ElementDefinition[] {
  const most = Math.max(0, ...graph.nodes.map((n) => n.currentMembers));
  const nodes = graph.nodes.map((n) => ({
    group: "nodes" as const,
    data: {
      id: n.id,
      label: n.name,
      size: nodeSize(n.currentMembers, most),
      href: `/groups/${n.id}`,
    },
    classes: [n.status, n.outside ? "outside" : ""].filter(Boolean).join(" "),
  }));
  const edges = graph.edges.map((e) =>
    e.kind === "conflict"
      ? {
          group: "edges" as const,
          data: {
            id: `conflict:${e.conflictId}:${e.groupAId}:${e.groupBId}`,
            source: e.groupAId,
            target: e.groupBId,
            href: `/conflicts/${e.conflictId}`,
          },
          classes: `conflict risk-${e.riskLevel} status-${e.status}`,
        }
      : {
          group: "edges" as const,
          data: {
            id: `alliance:${e.allianceId}`,
            source: e.groupAId,
            target: e.groupBId,
            // An alliance has no page of its own: it opens its first group's.
            href: `/groups/${e.groupAId}`,
          },
          classes: e.ended ? "alliance ended" : "alliance",
        },
  );
  return [...nodes, ...edges];
}

/**
 * The page's text colour for the labels when Cytoscape can read it (hex or rgb); a browser
 * may report a newer notation (oklch) that it cannot, and then a dark grey.
 */
function canvasColour(colour: string): string {
  return /^(#|rgba?\()/.test(colour) ? colour : "#1f2937";
}

function stylesheet(text: { colour: string; font: string }): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        width: "data(size)",
        height: "data(size)",
        label: "data(label)",
        color: text.colour,
        "font-family": text.font,
        "font-size": 11,
        "min-zoomed-font-size": 7,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "ellipsis",
        "text-max-width": "110px",
        "border-width": 2,
      },
    },
    ...Object.entries(GROUP_STYLES).map(([status, s]) => ({
      selector: `node.${status}`,
      style: {
        "background-color": s.fill,
        "background-opacity": s.fillOpacity,
        "border-color": s.border,
        "border-style": s.borderStyle,
      },
    })),
    { selector: "node.outside", style: { shape: "round-rectangle" } },
    { selector: "edge", style: { "curve-style": "bezier" } },
    ...Object.entries(RISK_COLOURS).map(([risk, colour]) => ({
      selector: `edge.risk-${risk}`,
      style: { "line-color": colour },
    })),
    ...Object.entries(CONFLICT_WIDTHS).map(([status, width]) => ({
      selector: `edge.status-${status}`,
      style: { width },
    })),
    ...[
      ["edge.alliance", ALLIANCE_STYLE],
      ["edge.alliance.ended", ENDED_ALLIANCE_STYLE],
    ].map(([selector, s]) => {
      const style = s as typeof ALLIANCE_STYLE | typeof ENDED_ALLIANCE_STYLE;
      return {
        selector: selector as string,
        style: {
          "line-color": style.colour,
          width: style.width,
          "line-style": "dashed" as const,
          "line-dash-pattern": [...style.dash],
        },
      };
    }),
    { selector: ":active", style: { "overlay-opacity": 0.15 } },
  ];
}

/**
 * The picture itself, for those who see it: a tap on a group opens it, a tap on a line its
 * conflict. Keyboard and screen-reader users have the same in the table below, so the
 * buttons here only move the picture.
 */
export default function NetworkCanvas({
  graph,
  labels,
}: {
  graph: Graph;
  labels: NetworkCanvasLabels;
}) {
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<cytoscape.Core | null>(null);
  const router = useRouter();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const computed = getComputedStyle(element);
    // Dragging the picture on a touch screen would take the page's scrolling away.
    const finePointer = window.matchMedia("(pointer: fine)").matches;
    const cy = cytoscape({
      container: element,
      elements: elementsOf(graph),
      style: stylesheet({ colour: canvasColour(computed.color), font: computed.fontFamily }),
      // Deterministic: the best-connected groups in the middle, ties in the order the API
      // returns them, so the picture is the same on every load.
      layout: {
        name: "concentric",
        concentric: (node) => node.degree(false),
        levelWidth: () => 1,
        minNodeSpacing: 16,
        avoidOverlap: true,
        animate: false,
        fit: true,
        padding: 24,
      },
      autoungrabify: true,
      boxSelectionEnabled: false,
      userZoomingEnabled: false,
      userPanningEnabled: finePointer,
      minZoom: 0.1,
      maxZoom: 3,
    });
    cy.on("tap", "node, edge", (event) => {
      const href = event.target.data("href") as string | undefined;
      if (href) router.push(href);
    });
    cy.on("mouseover", "node, edge", () => {
      element.style.cursor = "pointer";
    });
    cy.on("mouseout", "node, edge", () => {
      element.style.cursor = "";
    });
    instance.current = cy;
    return () => {
      instance.current = null;
      cy.destroy();
    };
  }, [graph, router]);

  const zoomBy = (factor: number) => {
    const cy = instance.current;
    if (!cy) return;
    cy.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    });
  };

  return (
    <div className="relative size-full">
      <div ref={container} className="size-full" aria-hidden="true" />
      <div className="absolute top-2 right-2 flex gap-1">
        <Button type="button" size="sm" variant="outline" onClick={() => zoomBy(1.25)}>
          {labels.zoomIn}
        </Button>
        <Button type="button" size="sm" variant="outline" onClick={() => zoomBy(0.8)}>
          {labels.zoomOut}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={() => instance.current?.fit(undefined, 24)}
        >
          {labels.fit}
        </Button>
      </div>
    </div>
  );
}
