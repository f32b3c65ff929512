"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import type { AccountChange, AccountSecurityState } from "@truce/auth";
import { Alert, AlertDescription } from "./alert";
import { Button } from "./button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";
import { Input } from "./input";
import { Label } from "./label";
import { HiddenFields, TotpEnrolment, type EnrolmentLabels } from "./two-factor";

/** Where the page lives; `?change=` opens a change, which asks for the factors first. */
const PAGE = "/account/security";

// What the person can change, and what the page's one server action answers: the action's
// own types (packages/auth account-actions.ts), so the form shows exactly what it returns.
export type { AccountChange, AccountSecurityState };

export interface ReauthenticationLabels {
  title: string;
  password: string;
  code: string;
  submit: string;
  /** What each change does, said before the factors are asked for. */
  why: Record<AccountChange, string>;
  errors: Record<"failed" | "locked" | "expired" | "unknown", string>;
}

export interface AccountSecurityLabels {
  twoFactorTitle: string;
  status: string;
  codesLeft: string | null;
  setUp: string;
  newCodes: string;
  newCodesNote: string;
  cancel: string;
  sessionsTitle: string;
  sessionsNote: string;
  signOutOthers: string;
  /** Shown after the other sessions were signed out. */
  signedOutOthers: string;
  reauthentication: ReauthenticationLabels;
  enrolment: EnrolmentLabels;
  /** Shown when wrong codes for the new app have locked the account for a while. */
  enrolmentLocked: string;
}

function ChangeLink({
  change,
  children,
  variant = "default",
}: {
  change: AccountChange;
  children: ReactNode;
  variant?: "default" | "outline";
}) {
  return (
    <Button asChild variant={variant}>
      <Link href={`${PAGE}?change=${change}`}>{children}</Link>
    </Button>
  );
}

function CancelLink({ label }: { label: string }) {
  return (
    <Button asChild variant="ghost">
      <Link href={PAGE}>{label}</Link>
    </Button>
  );
}

/** Asks for the person's factors again before `change`. */
function ReauthenticationForm({
  change,
  withCode,
  labels,
  error,
  action,
  pending,
  cancelLabel,
}: {
  change: AccountChange;
  withCode: boolean;
  labels: ReauthenticationLabels;
  error: keyof ReauthenticationLabels["errors"] | null;
  action: (form: FormData) => void;
  pending: boolean;
  cancelLabel: string;
}) {
  return (
    <form action={action} className="space-y-4" aria-busy={pending}>
      <HiddenFields values={{ intent: "reauthenticate", change }} />
      <p className="text-sm">{labels.why[change]}</p>
      <h3 className="text-sm font-semibold">{labels.title}</h3>
      {error ? (
        <Alert variant="destructive" data-testid="reauthentication-error">
          <AlertDescription>{labels.errors[error]}</AlertDescription>
        </Alert>
      ) : null}
      <div className="space-y-2">
        <Label htmlFor="reauth-password">{labels.password}</Label>
        <Input
          id="reauth-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
        />
      </div>
      {withCode ? (
        <div className="space-y-2">
          <Label htmlFor="reauth-code">{labels.code}</Label>
          <Input
            id="reauth-code"
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            required
            className="font-mono"
          />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {labels.submit}
        </Button>
        <CancelLink label={cancelLabel} />
      </div>
    </form>
  );
}

/**
 * The account page below its heading: two-factor sign-in (its state, setting up an app,
 * new recovery codes) and the person's sessions (signing out the others). Every form posts
 * to the page's one server action, with or without scripts; its answer says what to show
 * next. `change` is the change the page was opened for (`?change=`); the page keys the
 * panel by it, so opening another change (or cancelling) starts from a clean state.
 */
export function AccountSecurityPanel({
  enrolled,
  change,
  signedOutOthers,
  action,
  labels,
}: {
  enrolled: boolean;
  change: AccountChange | null;
  /** The other sessions were just signed out (`?signedOut=others`). */
  signedOutOthers: boolean;
  action: (state: AccountSecurityState, form: FormData) => Promise<AccountSecurityState>;
  labels: AccountSecurityLabels;
}) {
  const [state, formAction, pending] = useActionState(action, null);

  let twoFactor: ReactNode;
  let sessions: ReactNode;
  const asking = state?.view === "reauthenticate" ? state.change : change;

  if (state?.view === "enrolling") {
    twoFactor = (
      <TotpEnrolment
        enrolment={state.enrolment}
        labels={labels.enrolment}
        action={formAction}
        pending={pending}
        error={
          state.error === "locked"
            ? labels.enrolmentLocked
            : state.error
              ? labels.enrolment.errors[state.error]
              : null
        }
        hidden={{ intent: "confirm_enrolment", ticket: state.ticket }}
        footer={<CancelLink label={labels.cancel} />}
      />
    );
  } else if (asking) {
    const form = (
      <ReauthenticationForm
        change={asking}
        withCode={enrolled}
        labels={labels.reauthentication}
        error={state?.view === "reauthenticate" ? state.error : null}
        action={formAction}
        pending={pending}
        cancelLabel={labels.cancel}
      />
    );
    if (asking === "sessions") sessions = form;
    else twoFactor = form;
  }

  twoFactor ??= (
    <div className="space-y-4">
      <p data-testid="two-factor-status" className="text-sm">
        {labels.status}
      </p>
      {labels.codesLeft ? (
        <p className="text-sm text-muted-foreground">{labels.codesLeft}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <ChangeLink change="enrol">{labels.setUp}</ChangeLink>
        {enrolled ? (
          <ChangeLink change="codes" variant="outline">
            {labels.newCodes}
          </ChangeLink>
        ) : null}
      </div>
      {enrolled ? <p className="text-xs text-muted-foreground">{labels.newCodesNote}</p> : null}
    </div>
  );
  sessions ??= (
    <div className="space-y-4">
      {signedOutOthers ? (
        <Alert data-testid="signed-out-others">
          <AlertDescription>{labels.signedOutOthers}</AlertDescription>
        </Alert>
      ) : null}
      <ChangeLink change="sessions" variant="outline">
        {labels.signOutOthers}
      </ChangeLink>
    </div>
  );

  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{labels.twoFactorTitle}</CardTitle>
        </CardHeader>
        <CardContent>{twoFactor}</CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">{labels.sessionsTitle}</CardTitle>
          <CardDescription>{labels.sessionsNote}</CardDescription>
        </CardHeader>
        <CardContent>{sessions}</CardContent>
      </Card>
    </>
  );
}
