"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { reviewIncidentInput } from "@truce/api/schemas/incident";
import { GROUP_INVOLVEMENTS } from "@truce/db/enum-values";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  FormDialog,
  LoadingState,
  NativeSelectField,
  PageHeader,
  useErrorMessage,
  useServerForm,
} from "@truce/ui";
import { useTRPC } from "~/trpc/react";

/** An incident: what happened, where and when, its parties as the agency may see them. */
export function IncidentProfile({ id }: { id: string }) {
  const t = useTranslations("incidents");
  const tEnum = useTranslations("enums");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const found = useQuery(trpc.incident.byId.queryOptions({ id }));
  if (found.isPending) return <LoadingState label={t("loadingOne")} />;
  if (found.isError) {
    return <ErrorState title={t("errorOne")} description={errorMessage(found.error)} />;
  }
  const i = found.data;
  const facts: [string, React.ReactNode][] = [
    [
      t("fields.occurredAt"),
      format.dateTime(i.occurredAt, { dateStyle: "long", timeStyle: "short" }),
    ],
    [t("fields.district"), i.district],
    [t("fields.dead"), format.number(i.dead)],
    [t("fields.injured"), format.number(i.injured)],
    [
      t("fields.conflict"),
      i.conflictId ? (
        <Link className="underline underline-offset-4" href={`/conflicts/${i.conflictId}`}>
          {i.conflictTitle}
        </Link>
      ) : (
        t("noConflict")
      ),
    ],
    [t("fields.groupInvolvement"), tEnum(`groupInvolvement.${i.groupInvolvement}`)],
  ];
  const parties = [
    ...i.groups.map((g) => ({
      key: g.partyId,
      href: `/groups/${g.id}`,
      name: g.name,
      kind: t("parties.group"),
      role: g.role,
    })),
    ...i.people.map((p) => ({
      key: p.partyId,
      href: `/individuals/${p.id}`,
      name: `${p.givenName} ${p.familyName}`,
      kind: t("parties.person"),
      role: p.role,
    })),
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${tEnum(`incidentKind.${i.kind}`)}, ${i.district}`}
        description={format.dateTime(i.occurredAt, { dateStyle: "long", timeStyle: "short" })}
        actions={<ReviewDialog incident={i} refetch={() => found.refetch()} />}
      />
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("overview")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-sm text-muted-foreground">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {i.summary ? <p className="whitespace-pre-wrap">{i.summary}</p> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t("parties.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          {parties.length === 0 ? (
            <EmptyState title={t("parties.none")} />
          ) : (
            <ul className="divide-y" aria-label={t("parties.title")}>
              {parties.map((p) => (
                <li key={p.key} className="flex flex-wrap items-center gap-2 py-2">
                  <Link className="font-medium underline-offset-4 hover:underline" href={p.href}>
                    {p.name}
                  </Link>
                  <span className="text-sm text-muted-foreground">{p.kind}</span>
                  <Badge variant="outline">{tEnum(`incidentPartyRole.${p.role}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

/** The incident review: whether group members were involved, from the version shown. */
function ReviewDialog({
  incident,
  refetch,
}: {
  incident: { id: string; version: number; groupInvolvement: (typeof GROUP_INVOLVEMENTS)[number] };
  refetch: () => unknown;
}) {
  const t = useTranslations("incidents");
  const tEnum = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const review = useMutation(trpc.incident.review.mutationOptions());
  const server = useServerForm({
    schema: reviewIncidentInput,
    defaultValues: { groupInvolvement: incident.groupInvolvement },
    values: {
      id: incident.id,
      version: incident.version,
      groupInvolvement: incident.groupInvolvement,
    },
    afterSuccess: "keep",
    onStale: refetch,
    submit: async (values) => {
      await review.mutateAsync(values);
      await Promise.all([
        queryClient.invalidateQueries(trpc.incident.byId.queryFilter({ id: incident.id })),
        queryClient.invalidateQueries(trpc.incident.list.pathFilter()),
      ]);
    },
  });
  const { form } = server;
  return (
    <FormDialog
      trigger={<Button variant="outline">{t("review.open")}</Button>}
      title={t("review.title")}
      description={t("review.description")}
      server={server}
      submitLabel={t("review.save")}
      cancelLabel={t("cancel")}
    >
      <NativeSelectField
        control={form.control}
        name="groupInvolvement"
        label={t("fields.groupInvolvement")}
        options={GROUP_INVOLVEMENTS.map((g) => ({
          value: g,
          label: tEnum(`groupInvolvement.${g}`),
        }))}
      />
    </FormDialog>
  );
}
