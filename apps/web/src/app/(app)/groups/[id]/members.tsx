"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { WebRouterOutputs } from "@truce/api";
import { Badge, Card, CardContent, CardHeader, CardTitle } from "@truce/ui";
import { AddMemberDialog } from "./add-member-dialog";
import { EndMembershipDialog } from "./end-membership-dialog";
import { usePeriod } from "./period";

type Profile = WebRouterOutputs["group"]["byId"];

/**
 * The group's members, current first (the query's order), each linking to the person's
 * profile; a past membership shows its dates. An open membership can be ended; anyone in the
 * register the agency sees can be added.
 */
export function Members({ group, refetch }: { group: Profile; refetch: () => unknown }) {
  const t = useTranslations("groups.members");
  const tEnum = useTranslations("enums");
  const tl = useTranslations("individuals");
  const period = usePeriod();
  return (
    <Card className="min-w-0">
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
        <CardTitle as="h2" id="group-members">
          {t("title")}
        </CardTitle>
        <AddMemberDialog groupId={group.id} groupName={group.name} />
      </CardHeader>
      <CardContent>
        {group.memberships.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="divide-y" aria-labelledby="group-members">
            {group.memberships.map((m) => {
              const name = `${m.givenName} ${m.familyName}`;
              return (
                <li
                  key={m.id}
                  data-testid="membership"
                  className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0"
                >
                  <div className="min-w-0 space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link
                        href={`/individuals/${m.individualId}`}
                        className="inline-flex min-h-6 items-center font-medium break-words underline-offset-4 hover:underline"
                      >
                        {name}
                      </Link>
                      <Badge variant={m.current ? "secondary" : "outline"}>
                        {m.current ? t("current") : t("past")}
                      </Badge>
                      {m.isMinor ? <Badge variant="warning">{tl("minor")}</Badge> : null}
                    </div>
                    <p className="text-sm break-words text-muted-foreground">
                      {tEnum(`affiliation.${m.affiliation}`)} · {period(m.fromOn, m.toOn)}
                      {m.source ? ` · ${t("source", { source: m.source })}` : ""}
                    </p>
                  </div>
                  {m.toOn === null ? (
                    <EndMembershipDialog
                      membership={m}
                      personName={name}
                      groupId={group.id}
                      refetch={refetch}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
