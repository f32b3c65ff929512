"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import type { WebRouterOutputs } from "@truce/api";
import { Badge } from "@truce/ui";

type Graph = WebRouterOutputs["network"]["graph"];
type Node = Graph["nodes"][number];
type ConflictEdge = Extract<Graph["edges"][number], { kind: "conflict" }>;
type AllianceEdge = Extract<Graph["edges"][number], { kind: "alliance" }>;

interface GroupConflict {
  edge: ConflictEdge;
  /** The groups on the other sides, in the picture. */
  against: Set<string>;
}

/** Each group's conflicts (one entry per conflict, whatever its pairs) and alliances. */
function byGroup(graph: Graph) {
  const conflicts = new Map<string, Map<string, GroupConflict>>();
  const alliances = new Map<string, { edge: AllianceEdge; other: string }[]>();
  const conflictOf = (groupId: string, edge: ConflictEdge) => {
    const own = conflicts.get(groupId) ?? new Map<string, GroupConflict>();
    conflicts.set(groupId, own);
    const entry = own.get(edge.conflictId) ?? { edge, against: new Set<string>() };
    own.set(edge.conflictId, entry);
    return entry;
  };
  for (const edge of graph.edges) {
    if (edge.kind === "conflict") {
      conflictOf(edge.groupAId, edge).against.add(edge.groupBId);
      conflictOf(edge.groupBId, edge).against.add(edge.groupAId);
    } else {
      for (const [self, other] of [
        [edge.groupAId, edge.groupBId],
        [edge.groupBId, edge.groupAId],
      ] as const) {
        alliances.set(self, [...(alliances.get(self) ?? []), { edge, other }]);
      }
    }
  }
  return { conflicts, alliances };
}

/**
 * The picture as a table: every group with its conflicts and alliances, each a link. What
 * keyboard and screen-reader users read instead of the canvas, and anyone on a small screen.
 */
export function NetworkTable({ id, graph }: { id: string; graph: Graph }) {
  const t = useTranslations("network.table");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.name])), [graph]);
  const { conflicts, alliances } = useMemo(() => byGroup(graph), [graph]);
  const day = (date: string) => format.dateTime(new Date(date), { dateStyle: "medium" });
  const listOf = (ids: Iterable<string>) =>
    format.list([...ids].map((groupId) => names.get(groupId) ?? ""));

  const none = <span className="text-muted-foreground">{t("none")}</span>;
  const groupCell = (node: Node) => (
    <span className="flex flex-wrap items-center gap-2">
      <Link
        href={`/groups/${node.id}`}
        className="inline-flex min-h-6 items-center font-medium underline-offset-4 hover:underline"
      >
        {node.name}
      </Link>
      {node.status !== "active" ? (
        <Badge variant="outline">{tEnum(`groupStatus.${node.status}`)}</Badge>
      ) : null}
      {node.outside ? <Badge variant="secondary">{t("outside")}</Badge> : null}
    </span>
  );

  return (
    // The skip link's target; unnamed, so the one region is the scrolling frame below.
    <section id={id} tabIndex={-1} className="space-y-3">
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {t("title")}
      </h2>
      <div
        className="overflow-x-auto rounded-lg border bg-card"
        role="region"
        aria-labelledby={`${id}-title`}
        tabIndex={0}
      >
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-muted/60">
            <tr className="border-b">
              {[t("group"), t("area"), t("members"), t("conflicts"), t("alliances")].map(
                (header) => (
                  <th
                    key={header}
                    scope="col"
                    className="h-10 px-4 text-left align-middle font-medium whitespace-nowrap text-muted-foreground"
                  >
                    {header}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {graph.nodes.map((node) => {
              const own = [...(conflicts.get(node.id)?.values() ?? [])];
              const allied = alliances.get(node.id) ?? [];
              return (
                <tr key={node.id} className="border-b align-top last:border-0">
                  <th scope="row" className="min-w-40 px-4 py-3 text-left font-normal">
                    {groupCell(node)}
                  </th>
                  <td className="px-4 py-3">{node.area}</td>
                  <td className="px-4 py-3 tabular-nums">{format.number(node.currentMembers)}</td>
                  <td className="min-w-56 px-4 py-3">
                    {own.length === 0 ? (
                      none
                    ) : (
                      <ul className="space-y-1">
                        {own.map(({ edge, against }) => (
                          <li key={edge.conflictId}>
                            <Link
                              href={`/conflicts/${edge.conflictId}`}
                              className="font-medium underline-offset-4 hover:underline"
                            >
                              {edge.title}
                            </Link>{" "}
                            <span className="text-muted-foreground">
                              {t("conflictDetail", {
                                status: tEnum(`conflictStatus.${edge.status}`),
                                risk: tEnum(`riskLevel.${edge.riskLevel}`),
                                groups: listOf(against),
                              })}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="min-w-48 px-4 py-3">
                    {allied.length === 0 ? (
                      none
                    ) : (
                      <ul className="space-y-1">
                        {allied.map(({ edge, other }) => (
                          <li key={edge.allianceId}>
                            <Link
                              href={`/groups/${other}`}
                              className="font-medium underline-offset-4 hover:underline"
                            >
                              {names.get(other)}
                            </Link>{" "}
                            <span className="text-muted-foreground">
                              {edge.ended && edge.toOn
                                ? t("allianceEnded", { date: day(edge.toOn) })
                                : edge.fromOn
                                  ? t("allianceSince", { date: day(edge.fromOn) })
                                  : t("allianceOpen")}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
